/**
 * Guards at the door of the HTTP edge that no feature should repeat: the largest request body
 * ({@code orderflow.edge.max-body-size}), checked on {@code Content-Length} before anything else runs and
 * again by the codecs for bodies sent without one; the building blocks of every Server-Sent Events
 * stream (named events, heartbeat comments); and what is not the API at all: the management server's
 * requests and the orchestrator's probes.
 */
package io.orderflow.edge.web;

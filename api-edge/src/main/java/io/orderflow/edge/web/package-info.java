/**
 * Guards at the door of the HTTP edge that no feature should repeat: the largest request body
 * ({@code orderflow.edge.max-body-size}), checked on {@code Content-Length} before anything else runs and
 * again by the codecs for bodies sent without one; and the building blocks of every Server-Sent Events
 * stream (named events, heartbeat comments).
 */
package io.orderflow.edge.web;

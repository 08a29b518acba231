/**
 * The HTTP edge of orderflow: reactive REST endpoints that turn requests into commands and queries on
 * the Axon buses and answer with JSON, or with an RFC 9457 problem document carrying a stable
 * {@code code}. The edge prices orders from the catalogue and generates the ids of what it creates; it
 * never touches an aggregate, nor any table but its own idempotency keys. Features live in sub-packages ({@code catalogue},
 * {@code order}, {@code audit}, {@code operations}); {@code dispatch} is the one way to reach the buses
 * and {@code problem} the one way to fail. Every request passes {@code web} (body size), {@code security}
 * (who calls, and may they) and {@code ratelimit}; {@code idempotency} guards the requests that change
 * something, with its keys in the edge's own schema ({@code idempotency.postgres}); {@code openapi} describes it all.
 */
package io.orderflow.edge;

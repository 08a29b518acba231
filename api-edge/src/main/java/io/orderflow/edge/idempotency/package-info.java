/**
 * {@code Idempotency-Key} on the requests that create or change something. An order placement's key names the
 * order, so the event store places it once (the edge's {@code OrderPlacement}); this package then only validates
 * the key and answers the placements an earlier version recorded, until they expire. On
 * {@code POST /api/orders/{id}/cancel}, the first request with a key claims it atomically and runs; its
 * response is stored and answered again to every later request with the same key and the same request
 * (no second order). While the first still runs, the same key answers {@code 409 IDEMPOTENCY_KEY_IN_USE};
 * with another request, {@code 422 IDEMPOTENCY_KEY_REUSED}. Keys are scoped per customer and kept for
 * {@code orderflow.edge.idempotency.retention}. A request that failed leaves no record, so it can be retried
 * with the same key. Where the records live is an {@link io.orderflow.edge.idempotency.IdempotencyStore}.
 */
package io.orderflow.edge.idempotency;

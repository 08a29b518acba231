/**
 * {@code Idempotency-Key} on the requests that create or change something ({@code POST /api/orders},
 * {@code POST /api/orders/{id}/cancel}). The first request with a key claims it atomically and runs; its
 * response is stored and answered again to every later request with the same key and the same request
 * (no second order). A placement stores no response: its key names the order, and the order's stream in
 * the event store answers repeats ({@link io.orderflow.edge.idempotency.Idempotency#onceRecordedElsewhere}).
 * While the first still runs, the same key answers {@code 409 IDEMPOTENCY_KEY_IN_USE}; with another request,
 * {@code 422 IDEMPOTENCY_KEY_REUSED}. Keys are scoped per customer and kept for
 * {@code orderflow.edge.idempotency.retention}. A request that failed leaves no record, so it can be retried
 * with the same key. Where the records live is an {@link io.orderflow.edge.idempotency.IdempotencyStore}.
 */
package io.orderflow.edge.idempotency;

/**
 * The PostgreSQL adapter of the {@link io.orderflow.edge.idempotency.IdempotencyStore}: the edge's own schema,
 * {@code edge}, with its migrations ({@code db/migration/edge}), and the records in {@code edge.idempotency_key},
 * claimed atomically with {@code INSERT ... ON CONFLICT}, completed with the response, released when the request
 * failed, and purged once expired. PostgreSQL's clock decides expiry, so instances with skewed clocks agree. The
 * only package of the edge that speaks SQL; the edge's own tests replace it with an in-memory store.
 */
package io.orderflow.edge.idempotency.postgres;

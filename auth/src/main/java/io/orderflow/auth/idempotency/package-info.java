/**
 * The edge's idempotency-key records in {@code auth.idempotency_key}: claimed atomically with
 * {@code INSERT ... ON CONFLICT}, completed with the response, released when the request failed, and purged
 * once expired. PostgreSQL's clock decides expiry, so instances with skewed clocks agree.
 */
package io.orderflow.auth.idempotency;

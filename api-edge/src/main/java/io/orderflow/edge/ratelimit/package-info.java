/**
 * Rate limits with Bucket4j token buckets: one bucket per customer (the token's subject) for authenticated
 * requests, one per client address for the public ones (login, registration, the catalogue). An empty
 * bucket answers {@code 429 RATE_LIMITED} with {@code Retry-After}. Buckets live in this instance's memory,
 * in a bounded cache: with n instances behind a balancer, a client gets up to n times the limit.
 */
package io.orderflow.edge.ratelimit;

/**
 * The payment provider, a separately deployable stand-in for an external one: it consumes
 * {@code payments.requests}, decides charges, voids and refunds against its own append-only ledger in the
 * {@code payments} schema, and answers on {@code payments.results}. It knows orders only by id and talks
 * to the rest of the system through Kafka alone; {@link io.orderflow.payment.PaymentLedger} is its one
 * public read API, for tests and audits.
 */
package io.orderflow.payment;

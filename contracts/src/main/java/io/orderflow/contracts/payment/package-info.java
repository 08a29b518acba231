/**
 * The versioned JSON payloads exchanged with the payment service over Kafka: requests on
 * {@code payments.requests}, results on {@code payments.results}, both keyed by order id. Documented in
 * docs/messages.md. A field is only ever added; a breaking change is a new {@code version}.
 */
package io.orderflow.contracts.payment;

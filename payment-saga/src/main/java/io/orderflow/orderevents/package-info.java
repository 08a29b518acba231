/**
 * Publishes the order lifecycle to {@code orders.events} as versioned JSON
 * ({@link io.orderflow.contracts.integration.OrderLifecycleEvent}), keyed by order id, for other systems (the
 * notifications). Nothing to do with payments: it is in the payment-saga module, and deployed with the saga,
 * because it sends through the same Kafka outbox ({@code io.orderflow.outbox}).
 */
package io.orderflow.orderevents;

/**
 * Publishes the order lifecycle to {@code orders.events} as versioned JSON
 * ({@link io.orderflow.contracts.integration.OrderLifecycleEvent}), keyed by order id.
 */
package io.orderflow.integration.orderevents;

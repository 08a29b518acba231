/**
 * Integration events that other systems consume: the order lifecycle published on {@code orders.events},
 * keyed by order id, as versioned JSON (docs/messages.md).
 */
package io.orderflow.contracts.integration;

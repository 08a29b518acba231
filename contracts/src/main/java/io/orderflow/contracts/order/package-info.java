/**
 * Messages of the Order aggregate: the commands that drive an order through
 * {@code PENDING → AWAITING_PAYMENT → CONFIRMED → SHIPPED → DELIVERED} (or {@code CANCELLED} with a
 * reason), the events that record each step, and the order queries with their views.
 */
package io.orderflow.contracts.order;

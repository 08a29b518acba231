/**
 * Customer notifications: for each customer-facing step of an order's life published on
 * {@code orders.events}, the e-mail the customer would receive, recorded once per event in the
 * {@code notifications} schema and read back through {@link io.orderflow.notification.NotificationLog}.
 * Knows the order only through its integration event, never through the order module.
 */
package io.orderflow.notification;

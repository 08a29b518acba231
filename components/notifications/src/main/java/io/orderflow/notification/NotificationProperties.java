package io.orderflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Switches customer notifications on or off ({@code ORDERFLOW_NOTIFICATIONS_ENABLED}).
 *
 * @param enabled whether the module consumes {@code orders.events} and records notifications
 */
@ConfigurationProperties("orderflow.notifications")
record NotificationProperties(@DefaultValue("true") boolean enabled) {
}

package io.orderflow.notification;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import java.time.Instant;

/**
 * One e-mail as it would have been sent to the customer.
 *
 * @param eventId   the id of the order event that caused it
 * @param createdAt when it was recorded
 */
public record Notification(
        String eventId,
        OrderId orderId,
        CustomerId customerId,
        NotificationKind kind,
        String subject,
        String body,
        Instant createdAt) {
}

package io.orderflow.notification;

import java.util.Arrays;
import java.util.Optional;

/** Which step of an order's life a notification tells the customer about, one per customer-facing event type. */
public enum NotificationKind {
    ORDER_PLACED("OrderPlaced"),
    ORDER_CONFIRMED("OrderConfirmed"),
    ORDER_CANCELLED("OrderCancelled"),
    ORDER_SHIPPED("OrderShipped"),
    ORDER_DELIVERED("OrderDelivered"),
    PAYMENT_REFUNDED("OrderPaymentRefunded");

    private final String eventType;

    NotificationKind(String eventType) {
        this.eventType = eventType;
    }

    /** The kind for an {@code OrderLifecycleEvent} type; empty for a type this module does not tell customers about. */
    static Optional<NotificationKind> ofEventType(String eventType) {
        return Arrays.stream(values()).filter(kind -> kind.eventType.equals(eventType)).findFirst();
    }
}

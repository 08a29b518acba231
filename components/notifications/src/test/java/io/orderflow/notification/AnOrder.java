package io.orderflow.notification;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.contracts.order.CancellationReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Test data: the integration events of one order, each with a fresh event id. */
record AnOrder(OrderId orderId, CustomerId customerId) {

    static final String TOTAL = "68.14";

    static AnOrder anOrder() {
        return anOrderOf(CustomerId.random());
    }

    static AnOrder anOrderOf(CustomerId customer) {
        return new AnOrder(OrderId.random(), customer);
    }

    String id() {
        return orderId.value();
    }

    OrderLifecycleEvent placed() {
        return event("OrderPlaced", "PENDING", null, new BigDecimal(TOTAL), "EUR");
    }

    OrderLifecycleEvent confirmed() {
        return event("OrderConfirmed", "CONFIRMED", null, null, null);
    }

    OrderLifecycleEvent cancelled(CancellationReason reason) {
        return cancelled(reason.name());
    }

    OrderLifecycleEvent cancelled(String reason) {
        return event("OrderCancelled", "CANCELLED", reason, null, null);
    }

    OrderLifecycleEvent shipped() {
        return event("OrderShipped", "SHIPPED", null, null, null);
    }

    OrderLifecycleEvent delivered() {
        return event("OrderDelivered", "DELIVERED", null, null, null);
    }

    OrderLifecycleEvent refunded(String amount, String currency) {
        return event("OrderPaymentRefunded", "CANCELLED", null, new BigDecimal(amount), currency);
    }

    /** An event of a type a newer producer might publish. */
    OrderLifecycleEvent ofType(String type) {
        return event(type, "CONFIRMED", null, null, null);
    }

    /** The same event as published in another format version. */
    static OrderLifecycleEvent inVersion(int version, OrderLifecycleEvent event) {
        return new OrderLifecycleEvent(version, event.eventId(), event.type(), event.orderId(), event.customerId(),
                event.status(), event.cancellationReason(), event.amount(), event.currency(), event.occurredAt());
    }

    private OrderLifecycleEvent event(String type, String status, String reason, BigDecimal amount, String currency) {
        return new OrderLifecycleEvent(OrderLifecycleEvent.CURRENT_VERSION, UUID.randomUUID().toString(), type,
                orderId.value(), customerId.value(), status, reason, amount, currency, Instant.now());
    }
}

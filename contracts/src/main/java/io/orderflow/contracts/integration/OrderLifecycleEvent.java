package io.orderflow.contracts.integration;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step of an order's life, as published on {@link #TOPIC}. {@code eventId} is the id of the event in
 * the event store, so a consumer that sees it twice can tell. {@code type} is one of OrderPlaced,
 * OrderConfirmed, OrderCancelled, OrderShipped, OrderDelivered, OrderPaymentRefunded.
 * {@code cancellationReason} is null unless the type is OrderCancelled.
 */
public record OrderLifecycleEvent(
        int version,
        String eventId,
        String type,
        String orderId,
        String customerId,
        String status,
        String cancellationReason,
        BigDecimal amount,
        String currency,
        Instant occurredAt) {

    public static final String TOPIC = "orders.events";
    public static final int CURRENT_VERSION = 1;
}

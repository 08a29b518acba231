package io.orderflow.contracts.order;

import java.time.Instant;

/**
 * One status change of an order and the event that caused it: its type ({@code OrderConfirmed}), its id
 * (to find it in the event timeline) and its sequence number in the order's stream. {@code previousStatus}
 * is null for the first status; the cancellation fields are set on a change to {@code CANCELLED} only.
 */
public record OrderStatusChangeView(
        long sequence,
        OrderStatus status,
        OrderStatus previousStatus,
        String event,
        String eventId,
        Instant at,
        CancellationReason cancellationReason,
        String cancellationDetail) {
}

package io.orderflow.contracts.integration;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step of an order's life, as published on {@link #TOPIC}. {@code eventId} is the id of the event in
 * the event store, so a consumer that sees it twice can tell. {@code type} is one of OrderPlaced,
 * OrderConfirmed, OrderCancelled, OrderShipped, OrderDelivered, OrderPaymentRefunded.
 * {@code cancellationReason} is null unless the type is OrderCancelled. {@code version} is the version of its
 * JSON Schema ({@link #SCHEMA}); a consumer reads every version from {@link #FIRST_VERSION} on, ignoring fields
 * and types it does not know (docs/messages.md).
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
    /** The oldest version there is: later versions only add fields, so a consumer reads them all from here on. */
    public static final int FIRST_VERSION = 1;
    /** The JSON Schema of {@link #CURRENT_VERSION}, a resource of this module. */
    public static final String SCHEMA = "/schemas/" + TOPIC + "/OrderLifecycleEvent.v" + CURRENT_VERSION + ".json";
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;

/**
 * Asks how an order was placed, from its event stream rather than a read model (so it answers as soon as the
 * order exists): answered with its {@link OrderPlaced}, or null when no order has this id. The edge asks it to
 * answer a placement repeated with the same {@code Idempotency-Key}.
 */
public record FindOrderPlacementQuery(OrderId orderId) {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;

/** Asks for one order; answered with an {@link OrderView}, or null when the order is unknown. */
public record FindOrderQuery(OrderId orderId) {
}

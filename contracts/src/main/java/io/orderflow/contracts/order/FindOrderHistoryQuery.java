package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;

/** Asks for the status changes of one order; answered with an {@link OrderHistoryView}, or null when the order is unknown. */
public record FindOrderHistoryQuery(OrderId orderId) {
}

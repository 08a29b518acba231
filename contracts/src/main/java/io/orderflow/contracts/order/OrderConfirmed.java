package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;

/** The payment the order awaited was approved: the order is confirmed. */
public record OrderConfirmed(OrderId orderId) implements ConcernsOrder {
}

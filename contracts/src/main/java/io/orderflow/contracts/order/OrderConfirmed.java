package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;

/** Payment was approved; the order is confirmed. */
public record OrderConfirmed(OrderId orderId) implements ConcernsOrder {
}

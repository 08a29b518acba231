package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;

/** The order reached the customer. */
public record OrderDelivered(OrderId orderId) implements ConcernsOrder {
}

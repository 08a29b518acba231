package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;

/** The order left the warehouse. */
public record OrderShipped(OrderId orderId) implements ConcernsOrder {
}

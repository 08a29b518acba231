package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import org.axonframework.serialization.Revision;

/** The order left the warehouse. */
@Revision("1")
public record OrderShipped(OrderId orderId) implements ConcernsOrder {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import org.axonframework.serialization.Revision;

/** The order reached the customer. */
@Revision("1")
public record OrderDelivered(OrderId orderId) implements ConcernsOrder {
}

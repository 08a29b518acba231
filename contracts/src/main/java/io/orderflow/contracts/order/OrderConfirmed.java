package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import org.axonframework.serialization.Revision;

/** The payment the order awaited was approved: the order is confirmed. */
@Revision("1")
public record OrderConfirmed(OrderId orderId) implements ConcernsOrder {
}

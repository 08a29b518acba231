package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The order was cancelled. {@code previousStatus} says what the cancellation has to undo
 * (a {@code CONFIRMED} order has been charged and must be refunded).
 */
@Revision("1")
public record OrderCancelled(OrderId orderId, CancellationReason reason, String detail, OrderStatus previousStatus) implements ConcernsOrder {
}

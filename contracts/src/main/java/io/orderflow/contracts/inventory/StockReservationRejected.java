package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.serialization.Revision;

/** A reservation was refused because only {@code available} units were left. Nothing changed. */
@Revision("1")
public record StockReservationRejected(ProductId productId, OrderId orderId, int requested, int available) implements ConcernsOrder {
}

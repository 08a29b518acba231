package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.serialization.Revision;

/** Units are held for an order: available went down, reserved went up. */
@Revision("1")
public record StockReserved(ProductId productId, OrderId orderId, int quantity) implements ConcernsOrder {
}

package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.serialization.Revision;

/** An order's reservation went back to available stock. */
@Revision("1")
public record StockReleased(ProductId productId, OrderId orderId, int quantity) implements ConcernsOrder {
}

package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;

/** An order's reservation went back to available stock. */
public record StockReleased(ProductId productId, OrderId orderId, int quantity) implements ConcernsOrder {
}

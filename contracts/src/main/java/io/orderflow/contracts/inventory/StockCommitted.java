package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.serialization.Revision;

/** An order's reserved units left the building: reserved went down, committed went up. */
@Revision("1")
public record StockCommitted(ProductId productId, OrderId orderId, int quantity) implements ConcernsOrder {
}

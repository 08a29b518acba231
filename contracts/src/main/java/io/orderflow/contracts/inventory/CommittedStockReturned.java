package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.serialization.Revision;

/**
 * Stock committed to an order that was cancelled before it shipped went back to available stock
 * (committed went down, available went up). Caused by a {@link ReleaseStockCommand} on a committed order.
 */
@Revision("1")
public record CommittedStockReturned(ProductId productId, OrderId orderId, int quantity) implements ConcernsOrder {
}

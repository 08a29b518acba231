package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A paid order was cancelled before it shipped: its committed units never left and go back to available
 * stock. The order's process names the quantity, since the product keeps no record of settled orders for
 * ever. Returning twice changes nothing while the product remembers the first return.
 */
public record ReturnStockCommand(@TargetAggregateIdentifier ProductId productId, OrderId orderId, int quantity) {
}

package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives an order's reserved units back to available stock. Releasing what is not reserved changes nothing. */
public record ReleaseStockCommand(@TargetAggregateIdentifier ProductId productId, OrderId orderId) {
}

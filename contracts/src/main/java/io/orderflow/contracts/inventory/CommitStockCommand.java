package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The reserved units leave the building for a paid order. Committing twice changes nothing. */
public record CommitStockCommand(@TargetAggregateIdentifier ProductId productId, OrderId orderId) {
}

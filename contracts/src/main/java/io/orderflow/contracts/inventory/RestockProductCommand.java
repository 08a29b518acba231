package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds {@code quantity} (at least one) units to the available stock. */
public record RestockProductCommand(@TargetAggregateIdentifier ProductId productId, int quantity) {
}

package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a product to the catalogue with its price and initial stock (zero or more). */
public record AddProductCommand(@TargetAggregateIdentifier ProductId productId, String name, Money price, int initialStock) {
}

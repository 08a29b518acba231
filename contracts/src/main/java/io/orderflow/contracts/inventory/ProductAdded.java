package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.ProductId;

/** A product entered the catalogue. */
public record ProductAdded(ProductId productId, String name, Money price, int initialStock) {
}

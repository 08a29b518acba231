package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.serialization.Revision;

/** A product entered the catalogue. */
@Revision("1")
public record ProductAdded(ProductId productId, String name, Money price, int initialStock) {
}

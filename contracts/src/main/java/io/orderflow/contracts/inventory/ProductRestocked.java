package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ProductId;

/** Units were added to the available stock. */
public record ProductRestocked(ProductId productId, int quantity) {
}

package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ProductId;

/** Asks for one product; answered with a {@link ProductView}, or null when the product is unknown. */
public record FindProductQuery(ProductId productId) {
}

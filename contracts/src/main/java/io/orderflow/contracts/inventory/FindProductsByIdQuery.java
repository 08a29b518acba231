package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ProductId;
import java.util.Set;

/** Asks for the given products (to price an order); answered with a list of the {@link ProductView}s found. */
public record FindProductsByIdQuery(Set<ProductId> productIds) {

    public FindProductsByIdQuery {
        productIds = Set.copyOf(productIds);
    }
}

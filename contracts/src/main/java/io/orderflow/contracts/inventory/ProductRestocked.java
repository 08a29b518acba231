package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ProductId;
import org.axonframework.serialization.Revision;

/** Units were added to the available stock. */
@Revision("1")
public record ProductRestocked(ProductId productId, int quantity) {
}

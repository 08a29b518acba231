package io.orderflow.contracts.order;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.ProductId;

/** One priced line: the unit price is taken from the catalogue when the order is placed, never from the client. */
public record OrderLine(ProductId productId, String productName, int quantity, Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}

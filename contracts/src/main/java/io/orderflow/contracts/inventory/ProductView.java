package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.CurrencyScale;
import java.math.BigDecimal;

/**
 * A product of the catalogue with its stock: available to sell, reserved for open orders, committed to paid ones.
 * The price is held at the scale of its currency ({@link CurrencyScale}).
 */
public record ProductView(
        String productId, String name, BigDecimal price, String currency, int available, int reserved, int committed) {

    public ProductView {
        price = CurrencyScale.of(price, currency);
    }
}

package io.orderflow.contracts.inventory;

import java.math.BigDecimal;

/** A product of the catalogue with its stock: available to sell, reserved for open orders, committed to paid ones. */
public record ProductView(
        String productId, String name, BigDecimal price, String currency, int available, int reserved, int committed) {
}

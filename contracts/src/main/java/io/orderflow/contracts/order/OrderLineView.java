package io.orderflow.contracts.order;

import java.math.BigDecimal;

/** One line of an order as clients see it. */
public record OrderLineView(String productId, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.CurrencyScale;
import java.math.BigDecimal;

/** One line of an order as clients see it; its amounts are in the order's currency. */
public record OrderLineView(String productId, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

    /** This line with its amounts at the scale of {@code currency}. */
    OrderLineView inCurrency(String currency) {
        return new OrderLineView(productId, name, quantity, CurrencyScale.of(unitPrice, currency), CurrencyScale.of(lineTotal, currency));
    }
}

package io.orderflow.order;

import io.orderflow.contracts.common.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The tax charged on an order's subtotal, as a rate such as {@code 0.19}. The tax is rounded half-even
 * to the currency's scale, as {@link Money} always is.
 */
public record TaxPolicy(BigDecimal rate) {

    public TaxPolicy {
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() < 0) {
            throw new IllegalArgumentException("tax rate must not be negative, was " + rate);
        }
    }

    public static TaxPolicy none() {
        return new TaxPolicy(BigDecimal.ZERO);
    }

    public Money taxOn(Money subtotal) {
        return subtotal.times(rate);
    }
}

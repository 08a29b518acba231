package io.orderflow.contracts.common;

import java.math.BigDecimal;

/**
 * The one money format of everything that leaves the system: an amount at its currency's scale (34.90 and
 * 0.00 in EUR, 1500 in JPY), as {@link Money} holds it. The views apply it when they are made, so an amount
 * reads the same whichever read model, stream or service built the view.
 */
public final class CurrencyScale {

    private CurrencyScale() {
    }

    /** {@code amount} at the scale of {@code currency}; null stays null, and so does an amount without a currency. */
    public static BigDecimal of(BigDecimal amount, String currency) {
        return amount == null || currency == null ? amount : new Money(amount, currency).amount();
    }
}

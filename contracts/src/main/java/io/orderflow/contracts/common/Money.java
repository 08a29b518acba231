package io.orderflow.contracts.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency, always held at the currency's scale (2 for EUR, 0 for JPY).
 * Rounding is half-even (banker's rounding), the usual choice for accounting. Stored and sent as its two
 * components only, {@code {"amount":34.90,"currency":"EUR"}}; events of no revision also hold a derived
 * {@code "negative"}, which their upcaster drops and which reading ignores.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Currency iso = Currency.getInstance(currency);
        amount = amount.setScale(Math.max(iso.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** Multiplies by a rate such as a tax rate of {@code 0.19}, rounding to the currency's scale. */
    public Money times(BigDecimal rate) {
        return new Money(amount.multiply(rate), currency);
    }

    @JsonIgnore // derived, not part of the stored form
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}

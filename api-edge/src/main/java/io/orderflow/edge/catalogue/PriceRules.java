package io.orderflow.edge.catalogue;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.FieldViolation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What makes a catalogue price: a supported ISO 4217 currency (the configured default when none is
 * given) and an amount with no more decimals than that currency has (19.99 EUR, 1500 JPY). An amount
 * is never rounded silently.
 */
@Component
class PriceRules {

    private final String defaultCurrency;

    PriceRules(CatalogueProperties properties) {
        this.defaultCurrency = properties.defaultCurrency();
    }

    Money priceOf(BigDecimal amount, String requestedCurrency) {
        String code = requestedCurrency == null ? defaultCurrency : requestedCurrency;
        Currency currency = supportedCurrency(code).orElseThrow(() -> ApiProblem.of(ErrorCode.UNSUPPORTED_CURRENCY,
                "Currency '" + code + "' is not a supported ISO 4217 code.",
                List.of(new FieldViolation("currency", "must be a supported ISO 4217 currency code, such as EUR"))));
        int decimals = currency.getDefaultFractionDigits();
        if (Math.max(amount.stripTrailingZeros().scale(), 0) > decimals) {
            throw ApiProblem.of(ErrorCode.INVALID_PRICE,
                    "A price in " + code + " has at most " + decimals + " decimals.",
                    List.of(new FieldViolation("price", "must have at most " + decimals + " decimals in " + code)));
        }
        return new Money(amount, code);
    }

    /** Known ISO codes only, and only real money: no metals or funds without minor units (XAU, XXX). */
    private static Optional<Currency> supportedCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}

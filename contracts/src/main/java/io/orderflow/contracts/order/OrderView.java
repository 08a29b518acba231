package io.orderflow.contracts.order;

import io.orderflow.contracts.common.CurrencyScale;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as clients see it. {@code cancellationReason} is null unless the order is cancelled. Every amount,
 * the lines' included, is held at the scale of {@code currency} ({@link CurrencyScale}).
 */
public record OrderView(
        String orderId,
        String customerId,
        OrderStatus status,
        CancellationReason cancellationReason,
        String cancellationDetail,
        List<OrderLineView> lines,
        BigDecimal subtotal,
        BigDecimal tax,
        BigDecimal total,
        String currency,
        Instant createdAt,
        Instant updatedAt) {

    public OrderView {
        lines = lines == null ? null : lines.stream().map(line -> line.inCurrency(currency)).toList();
        subtotal = CurrencyScale.of(subtotal, currency);
        tax = CurrencyScale.of(tax, currency);
        total = CurrencyScale.of(total, currency);
    }
}

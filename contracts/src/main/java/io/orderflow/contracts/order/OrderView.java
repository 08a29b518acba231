package io.orderflow.contracts.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as clients see it. {@code cancellationReason} is null unless the order is cancelled. */
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
}

package io.orderflow.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One recorded line of the payment ledger. {@code amount} carries the currency's scale (49.80 EUR, not
 * 49.8000); {@code reason} is null unless the entry says why (a decline, a refund that a void caused).
 */
public record LedgerEntry(
        long entryId,
        String paymentId,
        String orderId,
        EntryKind kind,
        BigDecimal amount,
        String currency,
        String reason,
        Instant createdAt) {
}

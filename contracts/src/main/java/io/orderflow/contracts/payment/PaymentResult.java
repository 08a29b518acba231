package io.orderflow.contracts.payment;

import java.math.BigDecimal;

/** The payment service's answer to a {@link PaymentRequest}, keyed by {@code orderId}. {@code reason} may be null. */
public record PaymentResult(
        int version,
        String requestId,
        String paymentId,
        String orderId,
        PaymentOutcome outcome,
        String reason,
        BigDecimal amount,
        String currency) {

    public static final int CURRENT_VERSION = 1;
}

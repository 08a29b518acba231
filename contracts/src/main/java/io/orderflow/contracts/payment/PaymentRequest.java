package io.orderflow.contracts.payment;

import java.math.BigDecimal;

/**
 * A request to the payment service, keyed by {@code orderId}. {@code requestId} ({@code paymentId:type})
 * makes it idempotent: the service charges a payment id at most once and refunds it at most once.
 */
public record PaymentRequest(
        int version,
        String requestId,
        PaymentRequestType type,
        String paymentId,
        String orderId,
        BigDecimal amount,
        String currency) {

    public static final int CURRENT_VERSION = 1;

    public static PaymentRequest of(PaymentRequestType type, String paymentId, String orderId, BigDecimal amount, String currency) {
        return new PaymentRequest(CURRENT_VERSION, paymentId + ":" + type, type, paymentId, orderId, amount, currency);
    }
}

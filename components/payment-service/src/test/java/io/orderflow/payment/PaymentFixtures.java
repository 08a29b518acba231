package io.orderflow.payment;

import io.orderflow.contracts.payment.PaymentOutcome;
import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.contracts.payment.PaymentRequestType;
import io.orderflow.contracts.payment.PaymentResult;
import java.math.BigDecimal;
import java.util.UUID;

/** Payments with ids no other test uses, the requests about them and the answers they should get. */
final class PaymentFixtures {

    static final BigDecimal AN_AMOUNT = new BigDecimal("49.80");
    static final String EUR = "EUR";

    private PaymentFixtures() {
    }

    /** A payment of 49.80 EUR for a fresh order. */
    static APayment aPayment() {
        return aPaymentOf(AN_AMOUNT, EUR);
    }

    static APayment aPaymentOf(BigDecimal amount, String currency) {
        return aPaymentOf("order-" + UUID.randomUUID(), amount, currency);
    }

    /** Another payment of the same order, as when an order pays again after a decline. */
    static APayment aPaymentOf(String orderId, BigDecimal amount, String currency) {
        return new APayment("payment-" + UUID.randomUUID(), orderId, amount, currency);
    }

    /** What the provider answers to a request it echoes in full. */
    static PaymentResult answerTo(PaymentRequest request, PaymentOutcome outcome, String reason) {
        return new PaymentResult(PaymentResult.CURRENT_VERSION, request.requestId(), request.paymentId(), request.orderId(),
                outcome, reason, request.amount(), request.currency());
    }

    record APayment(String paymentId, String orderId, BigDecimal amount, String currency) {

        PaymentRequest charge() {
            return request(PaymentRequestType.CHARGE);
        }

        PaymentRequest voiding() {
            return request(PaymentRequestType.VOID);
        }

        PaymentRequest refund() {
            return request(PaymentRequestType.REFUND);
        }

        PaymentRequest request(PaymentRequestType type) {
            return PaymentRequest.of(type, paymentId, orderId, amount, currency);
        }

        PaymentResult approved() {
            return answerTo(charge(), PaymentOutcome.APPROVED, null);
        }

        PaymentResult chargeDeclined(String reason) {
            return answerTo(charge(), PaymentOutcome.DECLINED, reason);
        }

        PaymentResult voided() {
            return answerTo(voiding(), PaymentOutcome.VOIDED, null);
        }

        PaymentResult refundedOn(PaymentRequest request) {
            return answerTo(request, PaymentOutcome.REFUNDED, null);
        }
    }
}

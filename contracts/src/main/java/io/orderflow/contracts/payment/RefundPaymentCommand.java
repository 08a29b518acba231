package io.orderflow.contracts.payment;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;

/** A paid order was cancelled: the payment service gives the charge back, once. Published as a {@code REFUND} request. */
public record RefundPaymentCommand(PaymentId paymentId, OrderId orderId, Money amount) {
}

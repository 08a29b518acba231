package io.orderflow.contracts.payment;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;

/**
 * The order was given up while its payment was asked for: the payment service must never charge it, or,
 * if the charge won the race, give the money back. Published as a {@code VOID} request.
 */
public record VoidPaymentCommand(PaymentId paymentId, OrderId orderId, Money amount) {
}

package io.orderflow.contracts.payment;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;

/**
 * The order process asks the payment service to charge {@code amount} for the order. Handled by the Kafka
 * side of the process, which publishes a {@code CHARGE} request on {@code payments.requests}; the command
 * succeeds once the broker has it. Sending it again is harmless: the service charges a payment id once.
 */
public record ChargePaymentCommand(PaymentId paymentId, OrderId orderId, Money amount) {
}

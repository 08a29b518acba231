package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stock is reserved for every line; the order now waits for the payment {@code paymentId}. */
public record MarkOrderAwaitingPaymentCommand(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId) {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stock is reserved for every line and payment {@code paymentId} was asked for: the order now awaits it. */
public record MarkOrderAwaitingPaymentCommand(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId) {
}

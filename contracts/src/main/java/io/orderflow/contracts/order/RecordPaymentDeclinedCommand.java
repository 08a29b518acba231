package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment service declined payment {@code paymentId}; {@code reason} is its explanation. */
public record RecordPaymentDeclinedCommand(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId, String reason) {
}

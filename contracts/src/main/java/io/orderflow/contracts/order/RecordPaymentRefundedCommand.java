package io.orderflow.contracts.order;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment service refunded payment {@code paymentId}. Recorded once. */
public record RecordPaymentRefundedCommand(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId, Money amount) {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment service approved (charged) payment {@code paymentId}. Recorded once per payment; an
 * approval for an order that is already cancelled makes the order request a refund.
 */
public record RecordPaymentApprovedCommand(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId) {
}

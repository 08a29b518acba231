package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.serialization.Revision;

/**
 * No longer recorded: the order process refunds payments itself ({@code RefundPaymentCommand}). Kept to read
 * the events of earlier versions. A charge must be given back: the order was cancelled after its payment was approved, or an approval
 * arrived for an order that was already cancelled. No charge may stay on a cancelled order.
 */
@Revision("1")
public record OrderRefundRequested(OrderId orderId, PaymentId paymentId, Money amount) implements ConcernsOrder {
}

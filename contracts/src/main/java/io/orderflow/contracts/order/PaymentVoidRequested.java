package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.serialization.Revision;

/**
 * No longer recorded: the order process voids payments itself ({@code VoidPaymentCommand}). Kept to read
 * the events of earlier versions. An order that was waiting for payment {@code paymentId} was cancelled before the payment was approved:
 * the payment service must never charge it (or, if the charge won the race, give it back).
 */
@Revision("1")
public record PaymentVoidRequested(OrderId orderId, PaymentId paymentId, Money amount) implements ConcernsOrder {
}

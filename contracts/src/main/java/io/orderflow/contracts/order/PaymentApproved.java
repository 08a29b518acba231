package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.serialization.Revision;

/**
 * No longer recorded: the approval of the awaited payment confirms the order ({@link OrderConfirmed}), and a
 * charge the order does not keep is {@link ChargeNotKept}. Kept to read the events of earlier versions, which
 * recorded the approval of the awaited payment with this event before the confirmation.
 */
@Revision("1")
public record PaymentApproved(OrderId orderId, PaymentId paymentId, Money amount) implements ConcernsOrder {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.serialization.Revision;

/** Stock is reserved; the order waits for payment {@code paymentId} of {@code amount}. */
@Revision("1")
public record OrderAwaitingPayment(OrderId orderId, PaymentId paymentId, Money amount) implements ConcernsOrder {
}

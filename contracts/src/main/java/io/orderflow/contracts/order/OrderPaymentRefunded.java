package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.serialization.Revision;

/** The payment service confirmed the refund of the order's charge. */
@Revision("1")
public record OrderPaymentRefunded(OrderId orderId, PaymentId paymentId, Money amount) implements ConcernsOrder {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;

/** The order's payment was charged while the order was waiting for it. */
public record PaymentApproved(OrderId orderId, PaymentId paymentId, Money amount) implements ConcernsOrder {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;

/** The payment service confirmed the refund of the order's charge. */
public record OrderPaymentRefunded(OrderId orderId, PaymentId paymentId, Money amount) implements ConcernsOrder {
}

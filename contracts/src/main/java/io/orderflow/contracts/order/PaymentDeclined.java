package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;

/** The order's payment was declined while the order was waiting for it. */
public record PaymentDeclined(OrderId orderId, PaymentId paymentId, String reason) implements ConcernsOrder {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.serialization.Revision;

/** The order's payment was declined while the order was waiting for it. */
@Revision("1")
public record PaymentDeclined(OrderId orderId, PaymentId paymentId, String reason) implements ConcernsOrder {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import org.axonframework.serialization.Revision;

/**
 * The payment service charged {@code paymentId} for the order, and the order does not keep the charge: it was
 * cancelled meanwhile, or it never asked for this payment. The order process gives the money back.
 */
@Revision("1")
public record ChargeNotKept(OrderId orderId, PaymentId paymentId, Money amount) implements ConcernsOrder {
}

package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An order was accepted in status {@code PENDING}, with its priced lines and totals. */
@Revision("1")
public record OrderPlaced(
        OrderId orderId,
        CustomerId customerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        Money subtotal,
        Money tax,
        Money total) implements ConcernsOrder {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }
}

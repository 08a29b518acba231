package io.orderflow.contracts.order;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Places a new order. The lines are already priced from the catalogue by the sender. */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        CustomerId customerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress) {

    public PlaceOrderCommand {
        lines = List.copyOf(lines);
    }
}

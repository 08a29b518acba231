package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A shipped order has reached the customer. */
public record DeliverOrderCommand(@TargetAggregateIdentifier OrderId orderId) {
}

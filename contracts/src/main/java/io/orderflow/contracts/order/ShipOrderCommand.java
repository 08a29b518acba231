package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A confirmed order has left the warehouse. */
public record ShipOrderCommand(@TargetAggregateIdentifier OrderId orderId) {
}

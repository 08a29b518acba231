package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment was approved: the order is confirmed. */
public record ConfirmOrderCommand(@TargetAggregateIdentifier OrderId orderId) {
}

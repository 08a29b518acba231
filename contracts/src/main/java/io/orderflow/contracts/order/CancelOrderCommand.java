package io.orderflow.contracts.order;

import io.orderflow.contracts.common.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancels an order. {@code detail} is a human-readable explanation (which product was out of stock,
 * how many were available); it may be null.
 */
public record CancelOrderCommand(@TargetAggregateIdentifier OrderId orderId, CancellationReason reason, String detail) {
}

package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Holds {@code quantity} units for an order. Answered by {@link StockReserved} or, when too little is
 * available, {@link StockReservationRejected}. Sending it again for the same order changes nothing.
 */
public record ReserveStockCommand(@TargetAggregateIdentifier ProductId productId, OrderId orderId, int quantity) {
}

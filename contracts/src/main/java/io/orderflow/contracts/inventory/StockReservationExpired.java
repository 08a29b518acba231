package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import org.axonframework.serialization.Revision;

/**
 * An order's reservation was held longer than the reservation time-to-live and went back to available
 * stock by itself, so that stock is never held forever when the process that reserved it is lost.
 */
@Revision("1")
public record StockReservationExpired(ProductId productId, OrderId orderId, int quantity) implements ConcernsOrder {
}

package io.orderflow.contracts.order;

import java.util.List;

/** Every status an order went through, oldest first. */
public record OrderHistoryView(String orderId, List<OrderStatusChangeView> changes) {

    public OrderHistoryView {
        changes = List.copyOf(changes);
    }
}

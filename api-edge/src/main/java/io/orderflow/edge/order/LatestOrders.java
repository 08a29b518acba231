package io.orderflow.edge.order;

import io.orderflow.contracts.order.OrderView;
import java.util.HashMap;
import java.util.Map;

/**
 * What one live stream has already told its client about each order, so that it tells only news: a
 * subscription can deliver the current state again, or a change older than the state it started with
 * (STACK-NOTES, trap 6). An order's states are ordered by their time, then by status, whose order follows
 * the order's life cycle ({@code PENDING} first, {@code CANCELLED} last). Not thread-safe: one per stream.
 */
final class LatestOrders {

    private final Map<String, OrderView> told = new HashMap<>();

    /** Whether {@code order} is newer than what was told about it; if so, it is now what was told. */
    boolean isNews(OrderView order) {
        OrderView last = told.get(order.orderId());
        if (last != null && !isNewer(order, last)) {
            return false;
        }
        told.put(order.orderId(), order);
        return true;
    }

    private static boolean isNewer(OrderView order, OrderView than) {
        int byTime = order.updatedAt().compareTo(than.updatedAt());
        return byTime > 0 || byTime == 0 && order.status().compareTo(than.status()) > 0;
    }
}

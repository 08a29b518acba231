package io.orderflow.projections.order;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderLineView;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.projections.readmodel.Generation;
import java.util.List;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the subscribers of an order ({@link FindOrderQuery}) and of its customer's orders
 * ({@link FindOrdersQuery}) about a change: the order as it is now, read in the projection's own
 * transaction. Axon sends the update once that transaction has committed, so a subscriber never sees a
 * state that is not in the read model. Nothing is read when nobody follows.
 */
@Component
class OrderUpdates {

    private final QueryUpdateEmitter emitter;
    private final JdbcTemplate jdbc;

    OrderUpdates(QueryUpdateEmitter emitter, JdbcTemplate jdbc) {
        this.emitter = emitter;
        this.jdbc = jdbc;
    }

    void changed(OrderId orderId, Generation tables) {
        if (!anyoneFollows(orderId)) {
            return;
        }
        OrderView order = load(orderId, tables);
        if (order == null) {
            return;
        }
        emitter.emit(FindOrderQuery.class, query -> query.orderId().equals(orderId), order);
        emitter.emit(FindOrdersQuery.class,
                query -> query.customerId() != null && query.customerId().value().equals(order.customerId()), order);
    }

    /** Subscribers of this order, or of any customer's orders: the customer is known only once the row is read. */
    private boolean anyoneFollows(OrderId orderId) {
        for (SubscriptionQueryMessage<?, ?, ?> subscription : emitter.activeSubscriptions()) {
            Object query = subscription.getPayload();
            if (query instanceof FindOrderQuery followed && followed.orderId().equals(orderId)
                    || query instanceof FindOrdersQuery list && list.customerId() != null) {
                return true;
            }
        }
        return false;
    }

    private OrderView load(OrderId orderId, Generation tables) {
        List<OrderView> orders = jdbc.query("SELECT " + OrderRows.ORDER_COLUMNS + " FROM " + tables.table("order_view")
                        + " WHERE order_id = ?",
                (resultSet, index) -> OrderRows.order(OrderRows.Row.of(resultSet), List.of()),
                orderId.value());
        if (orders.isEmpty()) {
            return null;
        }
        OrderView order = orders.get(0);
        List<OrderLineView> lines = jdbc.query("SELECT " + OrderRows.LINE_COLUMNS + " FROM " + tables.table("order_line_view")
                        + " WHERE order_id = ? ORDER BY line_no",
                (resultSet, index) -> OrderRows.line(OrderRows.Row.of(resultSet), order.currency()),
                orderId.value());
        return OrderRows.withLines(order, lines);
    }
}

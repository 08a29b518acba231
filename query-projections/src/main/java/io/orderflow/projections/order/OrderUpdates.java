package io.orderflow.projections.order;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderLineView;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.projections.live.ChangeChannel;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.Row;
import io.orderflow.contracts.order.OrderPageView;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderStatus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells the subscribers of an order ({@link FindOrderQuery}) and of its customer's orders, or of every
 * order ({@link FindOrdersQuery} without a customer), about a change: the order as it is now, read in the
 * projection's own transaction and sent once that transaction has committed, so a subscriber never sees a state
 * that is not in the read model. Nothing is read when nobody follows.
 *
 * <p>Subscribers connected to other instances hear of the change through PostgreSQL: the same transaction
 * sends {@code NOTIFY orderflow_order_changed} with this instance's id and the order id, which PostgreSQL
 * delivers to every listening instance once it commits ({@link io.orderflow.projections.live.ChangeListener}).
 * Those read the order as it is then, so they may skip a state that lasted only within one processor batch.
 */
@Component
class OrderUpdates extends ChangeChannel {

    static final String CHANNEL = "orderflow_order_changed";

    /** Only for changes made by other instances; a context without the query side (the auditor's) has none. */
    private final ObjectProvider<OrderDetailsQueries> queries;

    OrderUpdates(QueryUpdateEmitter emitter, JdbcTemplate jdbc, ObjectProvider<OrderDetailsQueries> queries) {
        super(CHANNEL, emitter, jdbc);
        this.queries = queries;
    }

    /**
     * The orders of a batch that changed, each with every state it went through in the batch: other instances
     * are notified once; followers here are told each state, as the order read once after the batch's writes
     * with that state's status.
     */
    void changed(Map<String, List<StateChange>> changes, Generation tables) {
        notifyOthers(changes.keySet());
        changes.forEach((changed, states) -> {
            OrderId orderId = OrderId.of(changed);
            if (anyoneFollows(orderId)) {
                OrderView order = load(orderId, tables);
                if (order != null) {
                    afterCommit(() -> states.forEach(state -> emit(state.applyTo(order))));
                }
            }
        });
    }

    /** One status an order took in a batch. */
    record StateChange(OrderStatus status, String reason, String detail, Instant at) {

        OrderView applyTo(OrderView order) {
            return new OrderView(order.orderId(), order.customerId(), status,
                    reason == null ? null : CancellationReason.valueOf(reason), detail, order.lines(),
                    order.subtotal(), order.tax(), order.total(), order.currency(), order.createdAt(), at);
        }
    }

    @Override
    protected Mono<Void> changedElsewhere(String changedId) {
        OrderId orderId = OrderId.of(changedId);
        if (!anyoneFollows(orderId)) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> queries.getObject().handle(new FindOrderQuery(orderId))).doOnNext(this::emit).then();
    }

    /** For a list of orders, the newest orders it follows. */
    @Override
    protected Mono<Void> catchUp() {
        return Flux.fromIterable(List.copyOf(emitter.activeSubscriptions()))
                .map(SubscriptionQueryMessage::getPayload)
                .concatMap(query -> {
                    if (query instanceof FindOrderQuery followed) {
                        return Mono.fromFuture(() -> queries.getObject().handle(followed)).flux();
                    }
                    if (query instanceof FindOrdersQuery list) {
                        FindOrdersQuery newest = list.customerId() == null ? FindOrdersQuery.newest(list.size())
                                : FindOrdersQuery.ofCustomer(list.customerId(), list.size());
                        return Mono.fromFuture(() -> queries.getObject().handle(newest))
                                .flatMapIterable(OrderPageView::items);
                    }
                    return Flux.empty();
                })
                .doOnNext(this::emit)
                .then();
    }

    private void emit(OrderView order) {
        emitter.emit(FindOrderQuery.class, query -> query.orderId().value().equals(order.orderId()), order);
        emitter.emit(FindOrdersQuery.class,
                query -> query.customerId() == null || query.customerId().value().equals(order.customerId()), order);
    }

    /** Subscribers of this order, or of any list of orders: the customer is known only once the row is read. */
    private boolean anyoneFollows(OrderId orderId) {
        for (SubscriptionQueryMessage<?, ?, ?> subscription : emitter.activeSubscriptions()) {
            Object query = subscription.getPayload();
            if (query instanceof FindOrderQuery followed && followed.orderId().equals(orderId)
                    || query instanceof FindOrdersQuery) {
                return true;
            }
        }
        return false;
    }

    private OrderView load(OrderId orderId, Generation tables) {
        List<OrderView> orders = jdbc.query("SELECT " + OrderRows.ORDER_COLUMNS + " FROM " + tables.table("order_view")
                        + " WHERE order_id = ?",
                (resultSet, index) -> OrderRows.order(Row.of(resultSet), List.of()),
                orderId.value());
        if (orders.isEmpty()) {
            return null;
        }
        OrderView order = orders.get(0);
        List<OrderLineView> lines = jdbc.query("SELECT " + OrderRows.LINE_COLUMNS + " FROM " + tables.table("order_line_view")
                        + " WHERE order_id = ? ORDER BY line_no",
                (resultSet, index) -> OrderRows.line(Row.of(resultSet)),
                orderId.value());
        return OrderRows.withLines(order, lines);
    }
}

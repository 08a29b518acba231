package io.orderflow.projections.order;

import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.CountOrdersQuery;
import io.orderflow.contracts.order.FindOrderHistoryQuery;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderHistoryView;
import io.orderflow.contracts.order.OrderCountsView;
import io.orderflow.contracts.order.OrderLineView;
import io.orderflow.contracts.order.OrderPageView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers the order queries over R2DBC from the views of the active generation ({@code projections.order_view},
 * its lines and its status history); an unknown order is null.
 */
@Component
class OrderDetailsQueries {

    private final DatabaseClient database;

    OrderDetailsQueries(DatabaseClient database) {
        this.database = database;
    }

    // Reads without a shared snapshot are enough: the lines commit together with their order and never change.
    @QueryHandler
    CompletableFuture<OrderView> handle(FindOrderQuery query) {
        String orderId = query.orderId().value();
        return database.sql("SELECT " + OrderRows.ORDER_COLUMNS + " FROM projections.order_view WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .map(row -> OrderRows.order(row::get, List.of()))
                .one()
                .flatMap(order -> linesOf(List.of(order)).map(lines -> withLines(order, lines)))
                .toFuture();
    }

    /** One page, newest first; the order id breaks ties so that no order shows on two pages or on none. */
    @QueryHandler
    CompletableFuture<OrderPageView> handle(FindOrdersQuery query) {
        Filter filter = Filter.of(query);
        Mono<Long> total = filter.bindTo(database.sql("SELECT count(*) AS total FROM projections.order_view" + filter.where()))
                .map(row -> row.get("total", Long.class))
                .one();
        Mono<List<OrderView>> page = filter.bindTo(database.sql("SELECT " + OrderRows.ORDER_COLUMNS
                        + " FROM projections.order_view" + filter.where()
                        + " ORDER BY created_at DESC, order_id DESC LIMIT :limit OFFSET :offset"))
                .bind("limit", query.size())
                .bind("offset", (long) query.page() * query.size())
                .map(row -> OrderRows.order(row::get, List.of()))
                .all()
                .collectList()
                .flatMap(orders -> linesOf(orders).map(lines -> orders.stream().map(order -> withLines(order, lines)).toList()));
        return Mono.zip(total, page)
                .map(both -> new OrderPageView(both.getT2(), query.page(), query.size(), both.getT1(),
                        (int) ((both.getT1() + query.size() - 1) / query.size())))
                .toFuture();
    }

    /** One scan of the order rows, grouped; every status and reason is in the answer, zero included. */
    @QueryHandler
    CompletableFuture<OrderCountsView> handle(CountOrdersQuery query) {
        return database.sql("SELECT status, cancellation_reason, count(*) AS orders FROM projections.order_view"
                        + " GROUP BY status, cancellation_reason")
                .map(row -> new Count(OrderStatus.valueOf(row.get("status", String.class)),
                        row.get("cancellation_reason", String.class), row.get("orders", Long.class)))
                .all()
                .collectList()
                .map(OrderDetailsQueries::counts)
                .toFuture();
    }

    private static OrderCountsView counts(List<Count> counts) {
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        Map<CancellationReason, Long> byReason = new EnumMap<>(CancellationReason.class);
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status, 0L);
        }
        for (CancellationReason reason : CancellationReason.values()) {
            byReason.put(reason, 0L);
        }
        long total = 0;
        for (Count count : counts) {
            total += count.orders();
            byStatus.merge(count.status(), count.orders(), Long::sum);
            if (count.reason() != null) {
                byReason.merge(CancellationReason.valueOf(count.reason()), count.orders(), Long::sum);
            }
        }
        return new OrderCountsView(total, byStatus, byReason);
    }

    private record Count(OrderStatus status, String reason, long orders) {
    }

    /** An order placed before the history was kept has an empty history until the next replay. */
    @QueryHandler
    CompletableFuture<OrderHistoryView> handle(FindOrderHistoryQuery query) {
        String orderId = query.orderId().value();
        Mono<Boolean> known = database.sql("SELECT 1 AS known FROM projections.order_view WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
        return known.flatMap(exists -> !exists ? Mono.<OrderHistoryView>empty() : database.sql("SELECT " + OrderRows.CHANGE_COLUMNS
                                + " FROM projections.order_status_history WHERE order_id = :orderId ORDER BY sequence")
                        .bind("orderId", orderId)
                        .map(row -> OrderRows.change(row::get))
                        .all()
                        .collectList()
                        .map(changes -> new OrderHistoryView(orderId, changes)))
                .toFuture();
    }

    /** The lines of all {@code orders} in one query, by order id. */
    private Mono<Map<String, List<OrderLineView>>> linesOf(List<OrderView> orders) {
        if (orders.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("SELECT " + OrderRows.LINE_COLUMNS
                        + " FROM projections.order_line_view WHERE order_id = ANY(:orderIds) ORDER BY order_id, line_no")
                .bind("orderIds", orders.stream().map(OrderView::orderId).toArray(String[]::new))
                .map(row -> Map.entry(row.get("order_id", String.class), OrderRows.line(row::get)))
                .all()
                .collect(LinkedHashMap::new, (byOrder, line) -> byOrder
                        .computeIfAbsent(line.getKey(), orderId -> new ArrayList<OrderLineView>()).add(line.getValue()));
    }

    private static OrderView withLines(OrderView order, Map<String, List<OrderLineView>> lines) {
        return OrderRows.withLines(order, List.copyOf(lines.getOrDefault(order.orderId(), List.of())));
    }

    /** The WHERE clause of a list query with only the filters it sets, and their values. */
    private record Filter(String where, Map<String, Object> values) {

        static Filter of(FindOrdersQuery query) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> values = new LinkedHashMap<>();
            if (query.customerId() != null) {
                conditions.add("customer_id = :customerId");
                values.put("customerId", query.customerId().value());
            }
            if (!query.statuses().isEmpty()) {
                conditions.add("status = ANY(:statuses)");
                values.put("statuses", query.statuses().stream().map(OrderStatus::name).sorted().toArray(String[]::new));
            }
            if (query.from() != null) {
                conditions.add("created_at >= :from");
                values.put("from", utc(query.from()));
            }
            if (query.to() != null) {
                conditions.add("created_at < :to");
                values.put("to", utc(query.to()));
            }
            return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), values);
        }

        GenericExecuteSpec bindTo(GenericExecuteSpec statement) {
            GenericExecuteSpec bound = statement;
            for (Map.Entry<String, Object> value : values.entrySet()) {
                bound = bound.bind(value.getKey(), value.getValue());
            }
            return bound;
        }

        private static OffsetDateTime utc(Instant at) {
            return at.atOffset(ZoneOffset.UTC);
        }
    }
}

package io.orderflow.projections.order;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.OrderLineView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Answers {@link FindOrderQuery} from {@code projections.order_view} and its lines over R2DBC; an unknown order is null. */
@Component
class OrderDetailsQueries {

    private final DatabaseClient database;

    OrderDetailsQueries(DatabaseClient database) {
        this.database = database;
    }

    // Two reads without a shared snapshot are enough: the lines commit together with their order and never change.
    @QueryHandler
    CompletableFuture<OrderView> handle(FindOrderQuery query) {
        String orderId = query.orderId().value();
        return database.sql("""
                        SELECT order_id, customer_id, status, cancellation_reason, cancellation_detail,
                               subtotal, tax, total, currency, created_at, updated_at
                          FROM projections.order_view
                         WHERE order_id = :orderId
                        """)
                .bind("orderId", orderId)
                .map(OrderDetailsQueries::toView)
                .one()
                .flatMap(order -> linesOf(orderId, order.currency()).map(lines -> withLines(order, lines)))
                .toFuture();
    }

    private Mono<List<OrderLineView>> linesOf(String orderId, String currency) {
        return database.sql("""
                        SELECT product_id, name, quantity, unit_price, line_total
                          FROM projections.order_line_view
                         WHERE order_id = :orderId
                         ORDER BY line_no
                        """)
                .bind("orderId", orderId)
                .map(row -> toLineView(row, currency))
                .all()
                .collectList();
    }

    private static OrderView toView(Readable row) {
        String currency = row.get("currency", String.class);
        String reason = row.get("cancellation_reason", String.class);
        return new OrderView(
                row.get("order_id", String.class),
                row.get("customer_id", String.class),
                OrderStatus.valueOf(row.get("status", String.class)),
                reason == null ? null : CancellationReason.valueOf(reason),
                row.get("cancellation_detail", String.class),
                List.of(),
                amount(row, "subtotal", currency),
                amount(row, "tax", currency),
                amount(row, "total", currency),
                currency,
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static OrderView withLines(OrderView order, List<OrderLineView> lines) {
        return new OrderView(order.orderId(), order.customerId(), order.status(), order.cancellationReason(),
                order.cancellationDetail(), lines, order.subtotal(), order.tax(), order.total(), order.currency(),
                order.createdAt(), order.updatedAt());
    }

    private static OrderLineView toLineView(Readable row, String currency) {
        return new OrderLineView(
                row.get("product_id", String.class),
                row.get("name", String.class),
                row.get("quantity", Integer.class),
                amount(row, "unit_price", currency),
                amount(row, "line_total", currency));
    }

    /** NUMERIC(19,4) reads back as 12.5000; the view shows the currency's own scale, as Money does. */
    private static BigDecimal amount(Readable row, String column, String currency) {
        return new Money(row.get(column, BigDecimal.class), currency).amount();
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }
}

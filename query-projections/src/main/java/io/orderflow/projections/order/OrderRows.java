package io.orderflow.projections.order;

import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderLineView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderStatusChangeView;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.projections.readmodel.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Rows of the order tables as views, whether read over R2DBC (queries) or JDBC (the projection, to tell
 * subscribers about a change it just wrote). Both read the same columns, so both answer the same view.
 */
final class OrderRows {

    static final String ORDER_COLUMNS = """
            order_id, customer_id, status, cancellation_reason, cancellation_detail,
            subtotal, tax, total, currency, created_at, updated_at""";
    static final String LINE_COLUMNS = "order_id, product_id, name, quantity, unit_price, line_total";
    static final String CHANGE_COLUMNS = """
            sequence, status, previous_status, event_type, event_id, occurred_at, cancellation_reason, cancellation_detail""";

    private OrderRows() {
    }

    static OrderView order(Row row, List<OrderLineView> lines) {
        String currency = row.get("currency", String.class);
        String reason = row.get("cancellation_reason", String.class);
        return new OrderView(
                row.get("order_id", String.class),
                row.get("customer_id", String.class),
                OrderStatus.valueOf(row.get("status", String.class)),
                reason == null ? null : CancellationReason.valueOf(reason),
                row.get("cancellation_detail", String.class),
                lines,
                amount(row, "subtotal"),
                amount(row, "tax"),
                amount(row, "total"),
                currency,
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    static OrderView withLines(OrderView order, List<OrderLineView> lines) {
        return new OrderView(order.orderId(), order.customerId(), order.status(), order.cancellationReason(),
                order.cancellationDetail(), lines, order.subtotal(), order.tax(), order.total(), order.currency(),
                order.createdAt(), order.updatedAt());
    }

    /** A line as stored; the order's view, which knows the currency, holds its amounts at the currency's scale. */
    static OrderLineView line(Row row) {
        return new OrderLineView(
                row.get("product_id", String.class),
                row.get("name", String.class),
                row.get("quantity", Integer.class),
                amount(row, "unit_price"),
                amount(row, "line_total"));
    }

    static OrderStatusChangeView change(Row row) {
        String previous = row.get("previous_status", String.class);
        String reason = row.get("cancellation_reason", String.class);
        return new OrderStatusChangeView(
                row.get("sequence", Long.class),
                OrderStatus.valueOf(row.get("status", String.class)),
                previous == null ? null : OrderStatus.valueOf(previous),
                row.get("event_type", String.class),
                row.get("event_id", String.class),
                instant(row, "occurred_at"),
                reason == null ? null : CancellationReason.valueOf(reason),
                row.get("cancellation_detail", String.class));
    }

    /** NUMERIC(19,4) reads back as 12.5000; the view holds it at the currency's scale (12.50), as Money does. */
    private static BigDecimal amount(Row row, String column) {
        return row.get(column, BigDecimal.class);
    }

    private static Instant instant(Row row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }
}

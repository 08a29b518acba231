package io.orderflow.projections.order;

import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.ShippingAddress;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.ProjectionTarget.PendingWrites;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order-details rows that a batch of order events changes, written a statement per kind of row: the new
 * orders with their lines, the status history, and one update per order with its latest status. The history
 * keeps the status each change came from: the one recorded earlier in the batch, or else the order's row as
 * it stood before the batch.
 */
final class OrderDetailsWrites implements PendingWrites {

    private final JdbcTemplate jdbc;
    /** Null while rebuilding: nobody hears of a generation that is not served yet. */
    private final OrderUpdates updates;
    private final List<Object[]> orders = new ArrayList<>();
    private final List<Object[]> lines = new ArrayList<>();
    private final List<Object[]> placements = new ArrayList<>();
    private final List<Object[]> changes = new ArrayList<>();
    private final Map<String, Object[]> latestStatus = new LinkedHashMap<>();
    private final Map<String, String> statusInBatch = new HashMap<>();
    /** Every state each order went through in this batch, in order, for its followers. */
    private final Map<String, List<OrderUpdates.StateChange>> states = new LinkedHashMap<>();

    OrderDetailsWrites(JdbcTemplate jdbc, OrderUpdates updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    void placed(OrderPlaced event, long sequence, Instant at, String eventId) {
        String orderId = event.orderId().value();
        Optional<ShippingAddress> address = Optional.ofNullable(event.shippingAddress());
        orders.add(new Object[] {
                orderId, event.customerId().value(), OrderStatus.PENDING.name(),
                event.subtotal().amount(), event.tax().amount(), event.total().amount(), event.total().currency(),
                address.map(ShippingAddress::name).orElse(null),
                address.map(ShippingAddress::line1).orElse(null),
                address.map(ShippingAddress::line2).orElse(null),
                address.map(ShippingAddress::city).orElse(null),
                address.map(ShippingAddress::postalCode).orElse(null),
                address.map(ShippingAddress::country).orElse(null),
                utc(at), utc(at), sequence});
        for (int index = 0; index < event.lines().size(); index++) {
            OrderLine line = event.lines().get(index);
            lines.add(new Object[] {orderId, index + 1, line.productId().value(), line.productName(), line.quantity(),
                    line.unitPrice().amount(), line.lineTotal().amount()});
        }
        placements.add(new Object[] {orderId, sequence, OrderStatus.PENDING.name(), OrderPlaced.class.getSimpleName(), eventId, utc(at)});
        statusInBatch.put(orderId, OrderStatus.PENDING.name());
        states.computeIfAbsent(orderId, id -> new ArrayList<>()).add(new OrderUpdates.StateChange(OrderStatus.PENDING, null, null, at));
    }

    void moved(String orderId, OrderStatus status, String reason, String detail, long sequence, Instant at,
               String eventType, String eventId) {
        changes.add(new Object[] {sequence, status.name(), statusInBatch.get(orderId), eventType, eventId, utc(at), reason, detail,
                orderId, sequence});
        statusInBatch.put(orderId, status.name());
        states.computeIfAbsent(orderId, id -> new ArrayList<>()).add(new OrderUpdates.StateChange(status, reason, detail, at));
        Object[] latest = latestStatus.get(orderId);
        if (latest == null || (long) latest[4] < sequence) {
            latestStatus.put(orderId, new Object[] {status.name(), reason, detail, utc(at), sequence, orderId, sequence});
        }
    }

    @Override
    public void flush(Generation tables) {
        String orderView = tables.table("order_view");
        String history = tables.table("order_status_history");
        if (!orders.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO %s
                        (order_id, customer_id, status, subtotal, tax, total, currency,
                         ship_to_name, ship_to_line1, ship_to_line2, ship_to_city, ship_to_postal_code, ship_to_country,
                         created_at, updated_at, last_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_id) DO NOTHING""".formatted(orderView), orders);
            jdbc.batchUpdate("""
                    INSERT INTO %s (order_id, line_no, product_id, name, quantity, unit_price, line_total)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_id, line_no) DO NOTHING""".formatted(tables.table("order_line_view")), lines);
            jdbc.batchUpdate("""
                    INSERT INTO %s (order_id, sequence, status, event_type, event_id, occurred_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_id, sequence) DO NOTHING""".formatted(history), placements);
        }
        if (!changes.isEmpty()) {
            // before the orders' rows are updated: a change not preceded by another in this batch comes from the row's status
            jdbc.batchUpdate("""
                    INSERT INTO %s
                        (order_id, sequence, status, previous_status, event_type, event_id, occurred_at,
                         cancellation_reason, cancellation_detail)
                    SELECT o.order_id, ?, ?, coalesce(?, o.status), ?, ?, ?, ?, ?
                      FROM %s o
                     WHERE o.order_id = ? AND o.last_sequence < ?
                    ON CONFLICT (order_id, sequence) DO NOTHING""".formatted(history, orderView), changes);
            jdbc.batchUpdate("""
                    UPDATE %s
                       SET status = ?, cancellation_reason = ?, cancellation_detail = ?, updated_at = ?, last_sequence = ?
                     WHERE order_id = ? AND last_sequence < ?""".formatted(orderView), new ArrayList<>(latestStatus.values()));
        }
        if (updates != null) {
            updates.changed(states, tables);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

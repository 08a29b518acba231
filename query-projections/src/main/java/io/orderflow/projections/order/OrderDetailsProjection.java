package io.orderflow.projections.order;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.ShippingAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code projections.order_view} and its lines in step with the order events. An event is applied
 * only when its sequence number is above the order's {@code last_sequence}, so a redelivered event
 * changes nothing; the lines are written once, with the order, and never change.
 */
@Component
@ProcessingGroup(OrderDetailsProjection.PROCESSING_GROUP)
class OrderDetailsProjection {

    static final String PROCESSING_GROUP = "order-details";

    private final JdbcTemplate jdbc;

    OrderDetailsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Optional<ShippingAddress> address = Optional.ofNullable(event.shippingAddress());
        int inserted = jdbc.update("""
                        INSERT INTO projections.order_view
                            (order_id, customer_id, status, subtotal, tax, total, currency,
                             ship_to_name, ship_to_line1, ship_to_line2, ship_to_city, ship_to_postal_code, ship_to_country,
                             created_at, updated_at, last_sequence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (order_id) DO NOTHING
                        """,
                event.orderId().value(), event.customerId().value(), OrderStatus.PENDING.name(),
                event.subtotal().amount(), event.tax().amount(), event.total().amount(), event.total().currency(),
                address.map(ShippingAddress::name).orElse(null),
                address.map(ShippingAddress::line1).orElse(null),
                address.map(ShippingAddress::line2).orElse(null),
                address.map(ShippingAddress::city).orElse(null),
                address.map(ShippingAddress::postalCode).orElse(null),
                address.map(ShippingAddress::country).orElse(null),
                utc(at), utc(at), sequence);
        if (inserted == 1) {
            insertLines(event.orderId(), event.lines());
        }
    }

    @EventHandler
    void on(OrderAwaitingPayment event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moveTo(event.orderId(), OrderStatus.AWAITING_PAYMENT, sequence, at);
    }

    @EventHandler
    void on(OrderConfirmed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moveTo(event.orderId(), OrderStatus.CONFIRMED, sequence, at);
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moveTo(event.orderId(), OrderStatus.SHIPPED, sequence, at);
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moveTo(event.orderId(), OrderStatus.DELIVERED, sequence, at);
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                        UPDATE projections.order_view
                           SET status = ?, cancellation_reason = ?, cancellation_detail = ?,
                               updated_at = ?, last_sequence = ?
                         WHERE order_id = ? AND last_sequence < ?
                        """,
                OrderStatus.CANCELLED.name(), event.reason().name(), event.detail(),
                utc(at), sequence, event.orderId().value(), sequence);
    }

    /** A replay rebuilds the orders from the first event; without this the sequence check would skip them all. */
    @ResetHandler
    void forgetAllOrders() {
        jdbc.update("DELETE FROM projections.order_view"); // the lines go with their order (ON DELETE CASCADE)
    }

    private void moveTo(OrderId orderId, OrderStatus status, long sequence, Instant at) {
        jdbc.update("""
                        UPDATE projections.order_view
                           SET status = ?, updated_at = ?, last_sequence = ?
                         WHERE order_id = ? AND last_sequence < ?
                        """,
                status.name(), utc(at), sequence, orderId.value(), sequence);
    }

    private void insertLines(OrderId orderId, List<OrderLine> lines) {
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (int index = 0; index < lines.size(); index++) {
            OrderLine line = lines.get(index);
            rows.add(new Object[] {
                    orderId.value(), index + 1, line.productId().value(), line.productName(), line.quantity(),
                    line.unitPrice().amount(), line.lineTotal().amount()});
        }
        jdbc.batchUpdate("""
                INSERT INTO projections.order_line_view
                    (order_id, line_no, product_id, name, quantity, unit_price, line_total)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

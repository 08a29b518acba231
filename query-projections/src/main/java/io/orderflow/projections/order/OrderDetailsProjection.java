package io.orderflow.projections.order;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.ShippingAddress;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.Generations;
import io.orderflow.projections.readmodel.ProjectionTarget;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Keeps the order details (order, lines, status history) in step with the order events. An event is
 * applied only when its sequence number is above the order's {@code last_sequence}, so a redelivered event
 * changes nothing; the lines are written once, with the order, and never change. Every status change
 * also adds a row to the history, keyed by the event's sequence number, and is announced to the
 * subscribers of that order and of its customer once the change is committed.
 */
@Component
@ProcessingGroup(OrderDetailsProjection.PROCESSING_GROUP)
class OrderDetailsProjection {

    static final String PROCESSING_GROUP = "order-details";

    private final JdbcTemplate jdbc;
    private final ProjectionTarget target;
    private final OrderUpdates updates;

    OrderDetailsProjection(JdbcTemplate jdbc, Generations generations, PlatformTransactionManager transactionManager,
                           OrderUpdates updates) {
        this.jdbc = jdbc;
        this.target = new ProjectionTarget(PROCESSING_GROUP, generations, transactionManager);
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        boolean placed = target.write(tables -> {
            Optional<ShippingAddress> address = Optional.ofNullable(event.shippingAddress());
            int inserted = jdbc.update("""
                            INSERT INTO %s
                                (order_id, customer_id, status, subtotal, tax, total, currency,
                                 ship_to_name, ship_to_line1, ship_to_line2, ship_to_city, ship_to_postal_code, ship_to_country,
                                 created_at, updated_at, last_sequence)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (order_id) DO NOTHING
                            """.formatted(tables.table("order_view")),
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
                insertLines(tables, event.orderId(), event.lines());
                jdbc.update("""
                                INSERT INTO %s (order_id, sequence, status, event_type, event_id, occurred_at)
                                VALUES (?, ?, ?, ?, ?, ?)
                                """.formatted(tables.table("order_status_history")),
                        event.orderId().value(), sequence, OrderStatus.PENDING.name(), eventType(message),
                        message.getIdentifier(), utc(at));
            }
            return inserted == 1;
        });
        if (placed) {
            announce(event.orderId());
        }
    }

    @EventHandler
    void on(OrderAwaitingPayment event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId(), new StatusChange(OrderStatus.AWAITING_PAYMENT, null, null), sequence, at, message);
    }

    @EventHandler
    void on(OrderConfirmed event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId(), new StatusChange(OrderStatus.CONFIRMED, null, null), sequence, at, message);
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId(), new StatusChange(OrderStatus.SHIPPED, null, null), sequence, at, message);
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId(), new StatusChange(OrderStatus.DELIVERED, null, null), sequence, at, message);
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId(), new StatusChange(OrderStatus.CANCELLED, event.reason(), event.detail()), sequence, at, message);
    }

    /**
     * Axon's own replay (a token reset) rebuilds the active generation in place from the first event;
     * without this the sequence check would skip every event. A replay through the operations endpoint
     * builds a new generation instead and never calls this.
     */
    @ResetHandler
    void forgetAllOrders() {
        Generation tables = target.activeGeneration();
        jdbc.update("DELETE FROM " + tables.table("order_view")); // lines and history go with their order (ON DELETE CASCADE)
    }

    /**
     * The history row is written first, from the row as it is before the change (its status is the
     * previous one) and under the same sequence condition as the change, so both happen or neither.
     */
    private void moveTo(OrderId orderId, StatusChange change, long sequence, Instant at, EventMessage<?> message) {
        boolean moved = target.write(tables -> {
            jdbc.update("""
                            INSERT INTO %s
                                (order_id, sequence, status, previous_status, event_type, event_id, occurred_at,
                                 cancellation_reason, cancellation_detail)
                            SELECT order_id, ?, ?, status, ?, ?, ?, ?, ?
                              FROM %s
                             WHERE order_id = ? AND last_sequence < ?
                            ON CONFLICT (order_id, sequence) DO NOTHING
                            """.formatted(tables.table("order_status_history"), tables.table("order_view")),
                    sequence, change.status().name(), eventType(message), message.getIdentifier(), utc(at),
                    change.reasonName(), change.detail(), orderId.value(), sequence);
            int updated = jdbc.update("""
                            UPDATE %s
                               SET status = ?, cancellation_reason = ?, cancellation_detail = ?,
                                   updated_at = ?, last_sequence = ?
                             WHERE order_id = ? AND last_sequence < ?
                            """.formatted(tables.table("order_view")),
                    change.status().name(), change.reasonName(), change.detail(),
                    utc(at), sequence, orderId.value(), sequence);
            return updated == 1;
        });
        if (moved) {
            announce(orderId);
        }
    }

    private void announce(OrderId orderId) {
        if (target.isLive()) {
            updates.changed(orderId, target.activeGeneration());
        }
    }

    private void insertLines(Generation tables, OrderId orderId, List<OrderLine> lines) {
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (int index = 0; index < lines.size(); index++) {
            OrderLine line = lines.get(index);
            rows.add(new Object[] {
                    orderId.value(), index + 1, line.productId().value(), line.productName(), line.quantity(),
                    line.unitPrice().amount(), line.lineTotal().amount()});
        }
        jdbc.batchUpdate("""
                INSERT INTO %s (order_id, line_no, product_id, name, quantity, unit_price, line_total)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """.formatted(tables.table("order_line_view")), rows);
    }

    private static String eventType(EventMessage<?> message) {
        return message.getPayloadType().getSimpleName();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** The status an event moves the order to; a cancellation also says why. */
    private record StatusChange(OrderStatus status, CancellationReason reason, String detail) {

        String reasonName() {
            return reason == null ? null : reason.name();
        }
    }
}

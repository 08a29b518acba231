package io.orderflow.projections.order;

import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.Generations;
import io.orderflow.projections.readmodel.ProjectionTarget;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Keeps the order details (order, lines, status history) in step with the order events. Each handler records
 * the rows its event changes ({@link OrderDetailsWrites}), written together with the rest of the batch's. An
 * event is applied only when its sequence number is above the order's {@code last_sequence}, so a redelivered
 * event changes nothing; the lines are written once, with the order, and never change. Every status change
 * also adds a row to the history, keyed by the event's sequence number, and is announced to the subscribers of
 * that order and of its customer once the change is committed.
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
        target.record(this::newWrites, writes -> writes.placed(event, sequence, at, message.getIdentifier()));
    }

    @EventHandler
    void on(OrderAwaitingPayment event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId().value(), OrderStatus.AWAITING_PAYMENT, null, null, sequence, at, message);
    }

    @EventHandler
    void on(OrderConfirmed event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId().value(), OrderStatus.CONFIRMED, null, null, sequence, at, message);
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId().value(), OrderStatus.SHIPPED, null, null, sequence, at, message);
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId().value(), OrderStatus.DELIVERED, null, null, sequence, at, message);
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        moveTo(event.orderId().value(), OrderStatus.CANCELLED, event.reason(), event.detail(), sequence, at, message);
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

    private void moveTo(String orderId, OrderStatus status, CancellationReason reason, String detail, long sequence,
                        Instant at, EventMessage<?> message) {
        target.record(this::newWrites, writes -> writes.moved(orderId, status, reason == null ? null : reason.name(), detail,
                sequence, at, message.getPayloadType().getSimpleName(), message.getIdentifier()));
    }

    private OrderDetailsWrites newWrites() {
        return new OrderDetailsWrites(jdbc, target.isLive() ? updates : null);
    }
}

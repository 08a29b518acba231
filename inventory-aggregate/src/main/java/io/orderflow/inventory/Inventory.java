package io.orderflow.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.CommitStockCommand;
import io.orderflow.contracts.inventory.CommittedStockReturned;
import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.contracts.inventory.ProductRestocked;
import io.orderflow.contracts.inventory.ReleaseStockCommand;
import io.orderflow.contracts.inventory.ReserveStockCommand;
import io.orderflow.contracts.inventory.RestockProductCommand;
import io.orderflow.contracts.inventory.StockCommitted;
import io.orderflow.contracts.inventory.StockReleased;
import io.orderflow.contracts.inventory.StockReservationExpired;
import io.orderflow.contracts.inventory.StockReservationRejected;
import io.orderflow.contracts.inventory.StockReserved;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The stock of one product and every order's reservation of it.
 *
 * <p>Stock moves between three counters: {@code available} (may be reserved), {@code reserved} (held
 * for an open order) and {@code committed} (left the building for a paid order). Each order has at
 * most one reservation record, whose state only moves forward:
 *
 * <pre>
 *            ┌─ release ──────▶ RELEASED
 * RESERVED ──┼─ commit ───────▶ COMMITTED ── release ──▶ RETURNED
 *            └─ expiry ───────▶ EXPIRED
 * REJECTED   (too little was available; terminal)
 *
 * Releasing a committed order returns its stock: the order was cancelled after payment but before
 * it shipped, so the units never left.
 * </pre>
 *
 * Reserve, release and commit are idempotent per order id, since the saga may send them twice.
 * Snapshots are serialized field by field, so the state is plain mutable fields and a no-arg
 * constructor.
 */
@Aggregate(
        snapshotTriggerDefinition = InventoryAggregateConfiguration.SNAPSHOT_TRIGGER,
        cache = InventoryAggregateConfiguration.CACHE)
class Inventory {

    static final String RESERVATION_EXPIRY = "reservation-expiry";

    @AggregateIdentifier
    private ProductId productId;
    private int available;
    private int reserved;
    private int committed;
    /** Keyed by order id, and never pruned: a late retry for an old order must still be a no-op. */
    private Map<String, Reservation> reservations = new HashMap<>();

    Inventory() {
        // for Axon's event sourcing and Jackson's snapshot deserialization
    }

    @CommandHandler
    Inventory(AddProductCommand command) {
        requireName(command.name());
        requireNonNegativePrice(command.price());
        requireNonNegativeInitialStock(command.initialStock());
        apply(new ProductAdded(command.productId(), command.name(), command.price(), command.initialStock()));
    }

    @CommandHandler
    void handle(RestockProductCommand command) {
        requirePositiveQuantity(command.quantity());
        apply(new ProductRestocked(productId, command.quantity()));
    }

    @CommandHandler
    void handle(ReserveStockCommand command, DeadlineManager deadlineManager, ReservationPolicy reservationPolicy) {
        requirePositiveQuantity(command.quantity());
        if (hasReservationRecordFor(command.orderId())) {
            return;
        }
        if (!isAvailable(command.quantity())) {
            apply(new StockReservationRejected(productId, command.orderId(), command.quantity(), available));
            return;
        }
        apply(new StockReserved(productId, command.orderId(), command.quantity()));
        deadlineManager.schedule(reservationPolicy.timeToLive(), RESERVATION_EXPIRY, command.orderId().value());
    }

    @CommandHandler
    void handle(ReleaseStockCommand command) {
        Reservation reservation = reservations.get(command.orderId().value());
        if (reservation == null) {
            return;
        }
        switch (reservation.state()) {
            case RESERVED -> apply(new StockReleased(productId, command.orderId(), reservation.quantity()));
            case COMMITTED -> apply(new CommittedStockReturned(productId, command.orderId(), reservation.quantity()));
            default -> {
                // released, returned, expired or rejected before: nothing is held any more
            }
        }
    }

    @CommandHandler
    void handle(CommitStockCommand command) {
        if (isCommitted(command.orderId())) {
            return;
        }
        Reservation reservation = heldReservationFor(command.orderId()).orElseThrow(() -> new BusinessRuleViolation(
                ErrorCode.NO_ACTIVE_RESERVATION,
                "Order " + command.orderId() + " holds no reservation of product " + productId + " to commit"));
        apply(new StockCommitted(productId, command.orderId(), reservation.quantity()));
    }

    /** Frees stock whose reserving process was lost; a reservation released or committed meanwhile stays as it is. */
    @DeadlineHandler(deadlineName = RESERVATION_EXPIRY)
    void onReservationExpiry(String orderId) {
        OrderId order = OrderId.of(orderId);
        heldReservationFor(order).ifPresent(reservation ->
                apply(new StockReservationExpired(productId, order, reservation.quantity())));
    }

    // ---- rules

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A product needs a name");
        }
    }

    private static void requireNonNegativePrice(Money price) {
        if (price == null || price.isNegative()) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_PRICE, "A product's price must be zero or more, was " + price);
        }
    }

    private static void requireNonNegativeInitialStock(int initialStock) {
        if (initialStock < 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_QUANTITY, "Initial stock must be zero or more, was " + initialStock);
        }
    }

    private static void requirePositiveQuantity(int quantity) {
        if (quantity < 1) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_QUANTITY, "Quantity must be at least 1, was " + quantity);
        }
    }

    private boolean isAvailable(int quantity) {
        return quantity <= available;
    }

    private boolean hasReservationRecordFor(OrderId orderId) {
        return reservations.containsKey(orderId.value());
    }

    private Optional<Reservation> heldReservationFor(OrderId orderId) {
        return Optional.ofNullable(reservations.get(orderId.value())).filter(Reservation::isHeld);
    }

    private boolean isCommitted(OrderId orderId) {
        Reservation reservation = reservations.get(orderId.value());
        return reservation != null && reservation.state() == ReservationState.COMMITTED;
    }

    // ---- state

    @EventSourcingHandler
    void on(ProductAdded event) {
        productId = event.productId();
        available = event.initialStock();
    }

    @EventSourcingHandler
    void on(ProductRestocked event) {
        available += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        available -= event.quantity();
        reserved += event.quantity();
        reservations.put(event.orderId().value(), new Reservation(event.quantity(), ReservationState.RESERVED));
    }

    @EventSourcingHandler
    void on(StockReservationRejected event) {
        reservations.put(event.orderId().value(), new Reservation(event.requested(), ReservationState.REJECTED));
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        available += event.quantity();
        reserved -= event.quantity();
        reservations.put(event.orderId().value(), new Reservation(event.quantity(), ReservationState.RELEASED));
    }

    @EventSourcingHandler
    void on(StockCommitted event) {
        reserved -= event.quantity();
        committed += event.quantity();
        reservations.put(event.orderId().value(), new Reservation(event.quantity(), ReservationState.COMMITTED));
    }

    @EventSourcingHandler
    void on(CommittedStockReturned event) {
        committed -= event.quantity();
        available += event.quantity();
        reservations.put(event.orderId().value(), new Reservation(event.quantity(), ReservationState.RETURNED));
    }

    @EventSourcingHandler
    void on(StockReservationExpired event) {
        available += event.quantity();
        reserved -= event.quantity();
        reservations.put(event.orderId().value(), new Reservation(event.quantity(), ReservationState.EXPIRED));
    }

    /** One order's reservation: how many units it asked for and what became of them. */
    record Reservation(int quantity, ReservationState state) {

        boolean isHeld() {
            return state == ReservationState.RESERVED;
        }
    }

    enum ReservationState { RESERVED, RELEASED, COMMITTED, RETURNED, EXPIRED, REJECTED }
}

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
import io.orderflow.contracts.inventory.ExpireOverdueReservationsCommand;
import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.contracts.inventory.ProductRestocked;
import io.orderflow.contracts.inventory.ReleaseStockCommand;
import io.orderflow.contracts.inventory.ReserveStockCommand;
import io.orderflow.contracts.inventory.RestockProductCommand;
import io.orderflow.contracts.inventory.ReturnStockCommand;
import io.orderflow.contracts.inventory.StockCommitted;
import io.orderflow.contracts.inventory.StockReleased;
import io.orderflow.contracts.inventory.StockReservationExpired;
import io.orderflow.contracts.inventory.StockReservationRejected;
import io.orderflow.contracts.inventory.StockReserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The stock of one product and the reservations orders hold on it.
 *
 * <p>Stock moves between three counters: {@code available} (may be reserved), {@code reserved} (held
 * for an open order) and {@code committed} (left the building for a paid order). An order's reservation
 * only moves forward:
 *
 * <pre>
 *            ┌─ release ──────▶ RELEASED
 * RESERVED ──┼─ commit ───────▶ COMMITTED ── return ──▶ RETURNED
 *            └─ expiry ───────▶ EXPIRED
 * REJECTED   (too little was available; terminal)
 *
 * Returning a committed order's units gives them back: the order was cancelled after payment but before
 * it shipped, so the units never left.
 * </pre>
 *
 * <p>The state stays bounded however long the product sells: it holds the open reservations, and the last
 * {@value #REMEMBERED_SETTLEMENTS} settled ones only, so that a command repeated shortly after changes
 * nothing. Beyond that window the order's own process is the memory: it only asks for what its order holds.
 * A reservation older than the time-to-live expires when the periodic sweep
 * ({@link ExpireOverdueReservationsCommand}) finds it, so that a lost order process never holds stock for ever.
 * Snapshots are serialized field by field, so the state is plain mutable fields and a no-arg constructor.
 */
@Revision("2") // snapshots of revision 1 (every reservation ever made) are ignored: the state is rebuilt from events
@Aggregate(
        snapshotTriggerDefinition = InventoryAggregateConfiguration.SNAPSHOT_TRIGGER,
        cache = InventoryAggregateConfiguration.CACHE)
class Inventory {

    static final int REMEMBERED_SETTLEMENTS = 256;

    @AggregateIdentifier
    private ProductId productId;
    private int available;
    private int reserved;
    private int committed;
    /** The reservations still held, by order id, oldest first. */
    private LinkedHashMap<String, Held> held = new LinkedHashMap<>();
    /** The most recent settlements (commits, releases, returns, expiries, rejections), by order id, oldest first. */
    private LinkedHashMap<String, Settled> settled = new LinkedHashMap<>();

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
    void handle(ReserveStockCommand command) {
        requirePositiveQuantity(command.quantity());
        if (isKnown(command.orderId())) {
            return;
        }
        if (!isAvailable(command.quantity())) {
            apply(new StockReservationRejected(productId, command.orderId(), command.quantity(), available));
            return;
        }
        apply(new StockReserved(productId, command.orderId(), command.quantity()));
    }

    @CommandHandler
    void handle(ReleaseStockCommand command) {
        Held reservation = held.get(command.orderId().value());
        if (reservation != null) {
            apply(new StockReleased(productId, command.orderId(), reservation.quantity()));
        }
        // anything else was released, returned, expired or rejected before, or never reserved: nothing is held
    }

    @CommandHandler
    void handle(CommitStockCommand command) {
        Held reservation = held.get(command.orderId().value());
        if (reservation != null) {
            apply(new StockCommitted(productId, command.orderId(), reservation.quantity()));
            return;
        }
        Settled settlement = settled.get(command.orderId().value());
        if (settlement == null || settlement.outcome() == Outcome.COMMITTED) {
            return; // committed before, or settled too long ago to be remembered: the order's process commits once
        }
        if (settlement.outcome() != Outcome.EXPIRED) {
            throw new BusinessRuleViolation(ErrorCode.NO_ACTIVE_RESERVATION, "Order " + command.orderId()
                    + " holds no reservation of product " + productId + " to commit: it was " + settlement.outcome());
        }
        takeAgainForExpiredReservation(command.orderId(), settlement.quantity());
    }

    @CommandHandler
    void handle(ReturnStockCommand command) {
        requirePositiveQuantity(command.quantity());
        if (held.containsKey(command.orderId().value())) {
            return; // reserved, not committed: nothing left the counter to come back
        }
        Settled settlement = settled.get(command.orderId().value());
        if (settlement == null || settlement.outcome() == Outcome.COMMITTED) {
            apply(new CommittedStockReturned(productId, command.orderId(), command.quantity()));
        }
        // returned before, or it never was committed (the process sends a return only for committed units)
    }

    @CommandHandler
    void handle(ExpireOverdueReservationsCommand command, ReservationPolicy policy) {
        for (Overdue reservation : overdueAt(command.asOf(), policy)) {
            apply(new StockReservationExpired(productId, reservation.orderId(), reservation.quantity()));
        }
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

    /** Whether the order holds a reservation or settled one recently: a repeated reservation changes nothing. */
    private boolean isKnown(OrderId orderId) {
        return held.containsKey(orderId.value()) || settled.containsKey(orderId.value());
    }

    private List<Overdue> overdueAt(Instant asOf, ReservationPolicy policy) {
        List<Overdue> overdue = new ArrayList<>();
        for (Map.Entry<String, Held> reservation : held.entrySet()) {
            if (!policy.isOverdue(reservation.getValue().reservedAt(), asOf)) {
                break; // oldest first: the rest are younger
            }
            overdue.add(new Overdue(OrderId.of(reservation.getKey()), reservation.getValue().quantity()));
        }
        return overdue;
    }

    private record Overdue(OrderId orderId, int quantity) {
    }

    /**
     * The order was paid for after its reservation expired: its units are taken again if they are still
     * there. If they are not, the paid order cannot be served from stock, and the commit is refused.
     */
    private void takeAgainForExpiredReservation(OrderId orderId, int quantity) {
        if (!isAvailable(quantity)) {
            // a business refusal, not an error: the order process cancels the paid order as out of stock (decisions/0016)
            apply(new StockReservationRejected(productId, orderId, quantity, available));
            return;
        }
        apply(new StockReserved(productId, orderId, quantity));
        apply(new StockCommitted(productId, orderId, quantity));
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
    void on(StockReserved event, @Timestamp Instant reservedAt) {
        available -= event.quantity();
        reserved += event.quantity();
        settled.remove(event.orderId().value());
        held.put(event.orderId().value(), new Held(event.quantity(), reservedAt));
    }

    @EventSourcingHandler
    void on(StockReservationRejected event) {
        settle(event.orderId(), event.requested(), Outcome.REJECTED);
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        available += event.quantity();
        reserved -= event.quantity();
        settle(event.orderId(), event.quantity(), Outcome.RELEASED);
    }

    @EventSourcingHandler
    void on(StockCommitted event) {
        reserved -= event.quantity();
        committed += event.quantity();
        settle(event.orderId(), event.quantity(), Outcome.COMMITTED);
    }

    @EventSourcingHandler
    void on(CommittedStockReturned event) {
        committed -= event.quantity();
        available += event.quantity();
        settle(event.orderId(), event.quantity(), Outcome.RETURNED);
    }

    @EventSourcingHandler
    void on(StockReservationExpired event) {
        available += event.quantity();
        reserved -= event.quantity();
        settle(event.orderId(), event.quantity(), Outcome.EXPIRED);
    }

    private void settle(OrderId orderId, int quantity, Outcome outcome) {
        held.remove(orderId.value());
        settled.remove(orderId.value());
        settled.put(orderId.value(), new Settled(quantity, outcome));
        if (settled.size() > REMEMBERED_SETTLEMENTS) {
            settled.remove(settled.keySet().iterator().next());
        }
    }

    /** A reservation still held: how many units, since when. */
    record Held(int quantity, Instant reservedAt) {
    }

    /** What became of a reservation that is no longer held. */
    record Settled(int quantity, Outcome outcome) {
    }

    enum Outcome { RELEASED, COMMITTED, RETURNED, EXPIRED, REJECTED }
}

package io.orderflow.inventory;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.CommittedStockReturned;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.CommitStockCommand;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/** Test data for the Inventory aggregate: one product, a few orders, and the messages about them. */
final class InventoryFixtures {

    /** Where an order's reservation can stand, as the tests set it up. */
    enum ReservationState { RESERVED, RELEASED, COMMITTED, RETURNED, EXPIRED, REJECTED }

    static final ProductId PRODUCT = ProductId.of("espresso-beans-1kg");
    static final String NAME = "Espresso beans, 1 kg";
    static final Money PRICE = Money.of("24.90", "EUR");
    static final OrderId AN_ORDER = OrderId.of("order-1");
    static final OrderId ANOTHER_ORDER = OrderId.of("order-2");
    static final OrderId A_THIRD_ORDER = OrderId.of("order-3");
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    private InventoryFixtures() {
    }

    static AggregateTestFixture<Inventory> anInventoryFixture() {
        AggregateTestFixture<Inventory> fixture = new AggregateTestFixture<>(Inventory.class);
        fixture.registerInjectableResource(new ReservationPolicy(TIME_TO_LIVE));
        return fixture;
    }

    static AddProductCommand addProduct(int initialStock) {
        return new AddProductCommand(PRODUCT, NAME, PRICE, initialStock);
    }

    static ProductAdded aProductAdded(int initialStock) {
        return new ProductAdded(PRODUCT, NAME, PRICE, initialStock);
    }

    static RestockProductCommand restock(int quantity) {
        return new RestockProductCommand(PRODUCT, quantity);
    }

    static ProductRestocked restocked(int quantity) {
        return new ProductRestocked(PRODUCT, quantity);
    }

    static ReserveStockCommand reserve(OrderId order, int quantity) {
        return new ReserveStockCommand(PRODUCT, order, quantity);
    }

    static StockReserved reserved(OrderId order, int quantity) {
        return new StockReserved(PRODUCT, order, quantity);
    }

    static StockReservationRejected rejected(OrderId order, int requested, int available) {
        return new StockReservationRejected(PRODUCT, order, requested, available);
    }

    static ReleaseStockCommand release(OrderId order) {
        return new ReleaseStockCommand(PRODUCT, order);
    }

    static StockReleased released(OrderId order, int quantity) {
        return new StockReleased(PRODUCT, order, quantity);
    }

    static CommitStockCommand commit(OrderId order) {
        return new CommitStockCommand(PRODUCT, order);
    }

    static StockCommitted committed(OrderId order, int quantity) {
        return new StockCommitted(PRODUCT, order, quantity);
    }

    static StockReservationExpired expired(OrderId order, int quantity) {
        return new StockReservationExpired(PRODUCT, order, quantity);
    }

    static ReturnStockCommand returnStock(OrderId order, int quantity) {
        return new ReturnStockCommand(PRODUCT, order, quantity);
    }

    static ExpireOverdueReservationsCommand expireOverdueAt(Instant asOf) {
        return new ExpireOverdueReservationsCommand(PRODUCT, asOf);
    }

    static CommittedStockReturned returned(OrderId orderId, int quantity) {
        return new CommittedStockReturned(PRODUCT, orderId, quantity);
    }

    /**
     * A product that started with 10 units (3 when rejected, restocked to 10 afterwards) and
     * {@link #AN_ORDER}'s reservation of 4 units, left in the given state.
     */
    static List<Object> historyWhereAnOrdersReservationIs(ReservationState state) {
        return switch (state) {
            case RESERVED -> List.of(aProductAdded(10), reserved(AN_ORDER, 4));
            case RELEASED -> List.of(aProductAdded(10), reserved(AN_ORDER, 4), released(AN_ORDER, 4));
            case COMMITTED -> List.of(aProductAdded(10), reserved(AN_ORDER, 4), committed(AN_ORDER, 4));
            case RETURNED -> List.of(aProductAdded(10), reserved(AN_ORDER, 4), committed(AN_ORDER, 4), returned(AN_ORDER, 4));
            case EXPIRED -> List.of(aProductAdded(10), reserved(AN_ORDER, 4), expired(AN_ORDER, 4));
            case REJECTED -> List.of(aProductAdded(3), rejected(AN_ORDER, 4, 3), restocked(7));
        };
    }

    /** {@link #AN_ORDER} committed 4 units, then as many other orders as the product remembers settled one unit each. */
    static List<Object> historyWhereAnOrderCommittedAndManyMoreSettled() {
        return historyWhereAnOrderCommittedAndManyMoreSettled(Inventory.REMEMBERED_SETTLEMENTS);
    }

    static List<Object> historyWhereAnOrderCommittedAndManyMoreSettled(int others) {
        List<Object> history = new ArrayList<>(List.of(aProductAdded(10_000), reserved(AN_ORDER, 4), committed(AN_ORDER, 4)));
        for (int i = 0; i < others; i++) {
            OrderId other = OrderId.of("other-order-" + i);
            history.add(reserved(other, 1));
            history.add(committed(other, 1));
        }
        return history;
    }

    /** Matches a {@link BusinessRuleViolation} carrying the given code. */
    static Matcher<BusinessRuleViolation> violationOf(ErrorCode code) {
        return new FeatureMatcher<>(Matchers.equalTo(code), "a business rule violation with code", "code") {
            @Override
            protected ErrorCode featureValueOf(BusinessRuleViolation violation) {
                return violation.code();
            }
        };
    }
}

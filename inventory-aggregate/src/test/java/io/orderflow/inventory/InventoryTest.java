package io.orderflow.inventory;

import static io.orderflow.inventory.InventoryFixtures.ANOTHER_ORDER;
import static io.orderflow.inventory.InventoryFixtures.AN_ORDER;
import static io.orderflow.inventory.InventoryFixtures.A_THIRD_ORDER;
import static io.orderflow.inventory.InventoryFixtures.NAME;
import static io.orderflow.inventory.InventoryFixtures.PRICE;
import static io.orderflow.inventory.InventoryFixtures.PRODUCT;
import static io.orderflow.inventory.InventoryFixtures.TIME_TO_LIVE;
import static io.orderflow.inventory.InventoryFixtures.aProductAdded;
import static io.orderflow.inventory.InventoryFixtures.addProduct;
import static io.orderflow.inventory.InventoryFixtures.anInventoryFixture;
import static io.orderflow.inventory.InventoryFixtures.commit;
import static io.orderflow.inventory.InventoryFixtures.committed;
import static io.orderflow.inventory.InventoryFixtures.expireOverdueAt;
import static io.orderflow.inventory.InventoryFixtures.expired;
import static io.orderflow.inventory.InventoryFixtures.historyWhereAnOrderCommittedAndManyMoreSettled;
import static io.orderflow.inventory.InventoryFixtures.historyWhereAnOrdersReservationIs;
import static io.orderflow.inventory.InventoryFixtures.rejected;
import static io.orderflow.inventory.InventoryFixtures.release;
import static io.orderflow.inventory.InventoryFixtures.released;
import static io.orderflow.inventory.InventoryFixtures.reserve;
import static io.orderflow.inventory.InventoryFixtures.reserved;
import static io.orderflow.inventory.InventoryFixtures.restock;
import static io.orderflow.inventory.InventoryFixtures.restocked;
import static io.orderflow.inventory.InventoryFixtures.returnStock;
import static io.orderflow.inventory.InventoryFixtures.returned;
import static io.orderflow.inventory.InventoryFixtures.violationOf;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.inventory.InventoryFixtures.ReservationState;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InventoryTest {

    private AggregateTestFixture<Inventory> fixture;

    @BeforeEach
    void setUp() {
        fixture = anInventoryFixture();
    }

    @Nested
    class AddProduct {

        @Test
        void addsProductWithItsInitialStock() {
            fixture.givenNoPriorActivity()
                    .when(addProduct(10))
                    .expectEvents(aProductAdded(10));
        }

        @Test
        void addsProductWithNoStockYet() {
            fixture.givenNoPriorActivity()
                    .when(addProduct(0))
                    .expectEvents(aProductAdded(0));
        }

        @Test
        void addsAFreeProduct() {
            Money free = Money.zero("EUR");

            fixture.givenNoPriorActivity()
                    .when(new AddProductCommand(PRODUCT, NAME, free, 5))
                    .expectEvents(new ProductAdded(PRODUCT, NAME, free, 5));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void refusesProductWithoutName(String blankName) {
            fixture.givenNoPriorActivity()
                    .when(new AddProductCommand(PRODUCT, blankName, PRICE, 10))
                    .expectException(violationOf(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesProductWithNegativePrice() {
            fixture.givenNoPriorActivity()
                    .when(new AddProductCommand(PRODUCT, NAME, Money.of("-0.01", "EUR"), 10))
                    .expectException(violationOf(ErrorCode.INVALID_PRICE))
                    .expectNoEvents();
        }

        @Test
        void refusesProductWithNegativeInitialStock() {
            fixture.givenNoPriorActivity()
                    .when(addProduct(-1))
                    .expectException(violationOf(ErrorCode.INVALID_QUANTITY))
                    .expectNoEvents();
        }
    }

    @Nested
    class RestockProduct {

        @Test
        void addsUnitsToAvailableStock() {
            fixture.given(aProductAdded(10))
                    .when(restock(5))
                    .expectEvents(restocked(5));
        }

        @Test
        void restockedUnitsCanBeReserved() {
            fixture.given(aProductAdded(0), restocked(5))
                    .when(reserve(AN_ORDER, 5))
                    .expectEvents(reserved(AN_ORDER, 5));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -3})
        void refusesRestockOfLessThanOneUnit(int quantity) {
            fixture.given(aProductAdded(10))
                    .when(restock(quantity))
                    .expectException(violationOf(ErrorCode.INVALID_QUANTITY))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReserveStock {

        @Test
        void reservesStockWithoutSchedulingAnything() {
            // expiry comes from the periodic sweep, not from a deadline per reservation
            fixture.given(aProductAdded(10))
                    .when(reserve(AN_ORDER, 4))
                    .expectEvents(reserved(AN_ORDER, 4))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void rejectsReservationWhenStockIsInsufficient() {
            fixture.given(aProductAdded(10))
                    .when(reserve(AN_ORDER, 11))
                    .expectEvents(rejected(AN_ORDER, 11, 10));
        }

        @Test
        void reservesExactlyAllAvailableStock() {
            fixture.given(aProductAdded(3))
                    .when(reserve(AN_ORDER, 3))
                    .expectEvents(reserved(AN_ORDER, 3));
        }

        @Test
        void rejectsAnyFurtherUnitOnceAllStockIsReservedSoAvailableNeverGoesNegative() {
            fixture.given(aProductAdded(3), reserved(AN_ORDER, 3))
                    .when(reserve(ANOTHER_ORDER, 1))
                    .expectEvents(rejected(ANOTHER_ORDER, 1, 0));
        }

        @Test
        void countsOnlyUnitsNotReservedByOtherOrders() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 7))
                    .when(reserve(ANOTHER_ORDER, 4))
                    .expectEvents(rejected(ANOTHER_ORDER, 4, 3));
        }

        @Test
        void reservesUnitsThatAReleaseGaveBack() {
            fixture.given(aProductAdded(5), reserved(AN_ORDER, 5), released(AN_ORDER, 5))
                    .when(reserve(ANOTHER_ORDER, 5))
                    .expectEvents(reserved(ANOTHER_ORDER, 5));
        }

        @Test
        void reservesUnitsThatAnExpiryGaveBack() {
            fixture.given(aProductAdded(5), reserved(AN_ORDER, 5), expired(AN_ORDER, 5))
                    .when(reserve(ANOTHER_ORDER, 5))
                    .expectEvents(reserved(ANOTHER_ORDER, 5));
        }

        @Test
        void neverReservesCommittedUnitsAgain() {
            fixture.given(aProductAdded(5), reserved(AN_ORDER, 5), committed(AN_ORDER, 5))
                    .when(reserve(ANOTHER_ORDER, 1))
                    .expectEvents(rejected(ANOTHER_ORDER, 1, 0));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void refusesReservationOfLessThanOneUnit(int quantity) {
            fixture.given(aProductAdded(10))
                    .when(reserve(AN_ORDER, quantity))
                    .expectException(violationOf(ErrorCode.INVALID_QUANTITY))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "after the reservation was {0}")
        @EnumSource(ReservationState.class)
        void reservingForTheSameOrderAgainIsHarmless(ReservationState state) {
            // every history leaves enough stock, so a second reservation would succeed if it were not ignored
            fixture.given(historyWhereAnOrdersReservationIs(state))
                    .when(reserve(AN_ORDER, 4))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReleaseStock {

        @Test
        void releasesAHeldReservationBackToAvailableStock() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 4))
                    .when(release(AN_ORDER))
                    .expectEvents(released(AN_ORDER, 4));
        }

        @Test
        void releasesOnlyTheGivenOrdersReservation() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 4), reserved(ANOTHER_ORDER, 6))
                    .when(release(ANOTHER_ORDER))
                    .expectEvents(released(ANOTHER_ORDER, 6));
        }

        @Test
        void releasingAnUnknownOrderIsHarmless() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 4))
                    .when(release(A_THIRD_ORDER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest(name = "after the reservation was {0}")
        @EnumSource(value = ReservationState.class, names = "RESERVED", mode = EnumSource.Mode.EXCLUDE)
        void releasingAReservationNoLongerReservedIsHarmless(ReservationState state) {
            // committed units are given back with a return, which names the quantity
            fixture.given(historyWhereAnOrdersReservationIs(state))
                    .when(release(AN_ORDER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class ReturnStock {

        @Test
        void returnsCommittedStockOfAnOrderCancelledBeforeShipping() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 4), committed(AN_ORDER, 4))
                    .when(returnStock(AN_ORDER, 4))
                    .expectEvents(returned(AN_ORDER, 4));
        }

        @Test
        void returnedStockIsAvailableAgain() {
            fixture.given(aProductAdded(4), reserved(AN_ORDER, 4), committed(AN_ORDER, 4), returned(AN_ORDER, 4))
                    .when(reserve(ANOTHER_ORDER, 4))
                    .expectEvents(reserved(ANOTHER_ORDER, 4));
        }

        @Test
        void returningTwiceIsHarmless() {
            fixture.given(historyWhereAnOrdersReservationIs(ReservationState.RETURNED))
                    .when(returnStock(AN_ORDER, 4))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void returnsTheQuantityTheOrderNamesWhenItsCommitIsNoLongerRemembered() {
            fixture.given(historyWhereAnOrderCommittedAndManyMoreSettled())
                    .when(returnStock(AN_ORDER, 4))
                    .expectEvents(returned(AN_ORDER, 4));
        }

        @ParameterizedTest(name = "after the reservation was {0}")
        @EnumSource(value = ReservationState.class, names = {"RESERVED", "RELEASED", "EXPIRED", "REJECTED"})
        void returnsNothingThatWasNeverCommitted(ReservationState state) {
            fixture.given(historyWhereAnOrdersReservationIs(state))
                    .when(returnStock(AN_ORDER, 4))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAReturnOfLessThanOneUnit() {
            fixture.given(historyWhereAnOrdersReservationIs(ReservationState.COMMITTED))
                    .when(returnStock(AN_ORDER, 0))
                    .expectException(violationOf(ErrorCode.INVALID_QUANTITY))
                    .expectNoEvents();
        }
    }

    @Nested
    class CommitStock {

        @Test
        void commitsAHeldReservation() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 4))
                    .when(commit(AN_ORDER))
                    .expectEvents(committed(AN_ORDER, 4));
        }

        @Test
        void committingTheSameOrderTwiceIsHarmless() {
            fixture.given(historyWhereAnOrdersReservationIs(ReservationState.COMMITTED))
                    .when(commit(AN_ORDER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void committingAnOrderSettledTooLongAgoToBeRememberedIsHarmless() {
            // the order's process commits once; a repeat that comes this late commits nothing twice
            fixture.given(historyWhereAnOrderCommittedAndManyMoreSettled())
                    .when(commit(AN_ORDER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest(name = "after the reservation was {0}")
        @EnumSource(value = ReservationState.class, names = {"RELEASED", "RETURNED", "REJECTED"})
        void refusesToCommitStockNoLongerHeldRatherThanOversell(ReservationState state) {
            fixture.given(historyWhereAnOrdersReservationIs(state))
                    .when(commit(AN_ORDER))
                    .expectException(violationOf(ErrorCode.NO_ACTIVE_RESERVATION))
                    .expectNoEvents();
        }

        @Test
        void takesTheUnitsAgainForAnOrderPaidAfterItsReservationExpiredWhileTheyAreStillThere() {
            fixture.given(historyWhereAnOrdersReservationIs(ReservationState.EXPIRED))
                    .when(commit(AN_ORDER))
                    .expectEvents(reserved(AN_ORDER, 4), committed(AN_ORDER, 4));
        }

        @Test
        void rejectsTheLineOfAnOrderPaidAfterItsReservationExpiredWhenOthersReservedItsUnitsMeanwhile() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 4), expired(AN_ORDER, 4), reserved(ANOTHER_ORDER, 8))
                    .when(commit(AN_ORDER))
                    .expectEvents(rejected(AN_ORDER, 4, 2));
        }

        @Test
        void refusesToCommitALineRejectedAfterItsReservationExpired() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 4), expired(AN_ORDER, 4), reserved(ANOTHER_ORDER, 8),
                            rejected(AN_ORDER, 4, 2))
                    .when(commit(AN_ORDER))
                    .expectException(violationOf(ErrorCode.NO_ACTIVE_RESERVATION))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReservationExpiry {

        private static final Instant RESERVED_AT = Instant.parse("2026-12-05T10:00:00Z");

        @Test
        void expiresTheReservationsThatOutlivedTheirTimeToLive() {
            fixture.givenCurrentTime(RESERVED_AT)
                    .andGiven(aProductAdded(10), reserved(AN_ORDER, 4))
                    .andGivenCurrentTime(RESERVED_AT.plus(Duration.ofMinutes(3)))
                    .andGiven(reserved(ANOTHER_ORDER, 3))
                    .when(expireOverdueAt(RESERVED_AT.plus(TIME_TO_LIVE)))
                    .expectEvents(expired(AN_ORDER, 4));
        }

        @Test
        void keepsAReservationUntilItsTimeToLiveElapses() {
            fixture.givenCurrentTime(RESERVED_AT)
                    .andGiven(aProductAdded(10), reserved(AN_ORDER, 4))
                    .when(expireOverdueAt(RESERVED_AT.plus(TIME_TO_LIVE).minusSeconds(1)))
                    .expectNoEvents();
        }

        @Test
        void expiresEveryOverdueReservation() {
            fixture.givenCurrentTime(RESERVED_AT)
                    .andGiven(aProductAdded(10), reserved(AN_ORDER, 4), reserved(ANOTHER_ORDER, 3))
                    .when(expireOverdueAt(RESERVED_AT.plus(Duration.ofHours(1))))
                    .expectEvents(expired(AN_ORDER, 4), expired(ANOTHER_ORDER, 3));
        }

        @ParameterizedTest(name = "after the reservation was {0}")
        @EnumSource(value = ReservationState.class, names = "RESERVED", mode = EnumSource.Mode.EXCLUDE)
        void expiresNothingNoLongerReserved(ReservationState state) {
            fixture.givenCurrentTime(RESERVED_AT)
                    .andGiven(historyWhereAnOrdersReservationIs(state))
                    .when(expireOverdueAt(RESERVED_AT.plus(Duration.ofHours(1))))
                    .expectNoEvents();
        }
    }

    @Nested
    class BoundedState {

        @Test
        void remembersTheLatestSettlementsSoThatARepeatedReservationChangesNothing() {
            fixture.given(historyWhereAnOrderCommittedAndManyMoreSettled(Inventory.REMEMBERED_SETTLEMENTS - 1))
                    .when(reserve(AN_ORDER, 4))
                    .expectNoEvents();
        }

        @Test
        void forgetsSettlementsBeyondTheWindowSoTheStateStaysBounded() {
            // the order's process never reserves twice; forgetting is what keeps a hot product's state small
            fixture.given(historyWhereAnOrderCommittedAndManyMoreSettled())
                    .when(reserve(AN_ORDER, 4))
                    .expectEvents(reserved(AN_ORDER, 4));
        }
    }
}

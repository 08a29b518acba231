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
import static io.orderflow.inventory.InventoryFixtures.expired;
import static io.orderflow.inventory.InventoryFixtures.historyWhereAnOrdersReservationIs;
import static io.orderflow.inventory.InventoryFixtures.rejected;
import static io.orderflow.inventory.InventoryFixtures.release;
import static io.orderflow.inventory.InventoryFixtures.released;
import static io.orderflow.inventory.InventoryFixtures.reserve;
import static io.orderflow.inventory.InventoryFixtures.reserved;
import static io.orderflow.inventory.InventoryFixtures.restock;
import static io.orderflow.inventory.InventoryFixtures.restocked;
import static io.orderflow.inventory.InventoryFixtures.returned;
import static io.orderflow.inventory.InventoryFixtures.violationOf;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.inventory.Inventory.ReservationState;
import java.time.Duration;
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
        void reservesStockAndSchedulesItsExpiry() {
            fixture.given(aProductAdded(10))
                    .when(reserve(AN_ORDER, 4))
                    .expectEvents(reserved(AN_ORDER, 4))
                    .expectScheduledDeadlineWithName(TIME_TO_LIVE, Inventory.RESERVATION_EXPIRY)
                    .expectScheduledDeadline(TIME_TO_LIVE, AN_ORDER.value());
        }

        @Test
        void rejectsReservationWhenStockIsInsufficient() {
            fixture.given(aProductAdded(10))
                    .when(reserve(AN_ORDER, 11))
                    .expectEvents(rejected(AN_ORDER, 11, 10))
                    .expectNoScheduledDeadlines();
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
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
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

        @Test
        void returnsCommittedStockOfAnOrderCancelledBeforeShipping() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 4), committed(AN_ORDER, 4))
                    .when(release(AN_ORDER))
                    .expectEvents(returned(AN_ORDER, 4));
        }

        @Test
        void returnedStockIsAvailableAgain() {
            fixture.given(aProductAdded(4), reserved(AN_ORDER, 4), committed(AN_ORDER, 4), returned(AN_ORDER, 4))
                    .when(reserve(ANOTHER_ORDER, 4))
                    .expectEvents(reserved(ANOTHER_ORDER, 4));
        }

        @ParameterizedTest(name = "after the reservation was {0}")
        @EnumSource(value = ReservationState.class, names = {"RESERVED", "COMMITTED"}, mode = EnumSource.Mode.EXCLUDE)
        void releasingAReservationNoLongerHeldIsHarmless(ReservationState state) {
            fixture.given(historyWhereAnOrdersReservationIs(state))
                    .when(release(AN_ORDER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
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
        void refusesToCommitForAnOrderWithoutReservation() {
            fixture.given(aProductAdded(10), reserved(AN_ORDER, 4))
                    .when(commit(A_THIRD_ORDER))
                    .expectException(violationOf(ErrorCode.NO_ACTIVE_RESERVATION))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "after the reservation was {0}")
        @EnumSource(value = ReservationState.class, names = {"RELEASED", "EXPIRED", "REJECTED"})
        void refusesToCommitStockNoLongerHeldRatherThanOversell(ReservationState state) {
            fixture.given(historyWhereAnOrdersReservationIs(state))
                    .when(commit(AN_ORDER))
                    .expectException(violationOf(ErrorCode.NO_ACTIVE_RESERVATION))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReservationExpiry {

        @Test
        void expiresAReservationStillHeldWhenItsTimeToLiveElapses() {
            fixture.given(aProductAdded(10))
                    .andGivenCommands(reserve(AN_ORDER, 4))
                    .whenThenTimeElapses(TIME_TO_LIVE)
                    .expectTriggeredDeadlinesWithName(Inventory.RESERVATION_EXPIRY)
                    .expectEvents(expired(AN_ORDER, 4));
        }

        @Test
        void keepsTheReservationUntilItsTimeToLiveElapses() {
            fixture.given(aProductAdded(10))
                    .andGivenCommands(reserve(AN_ORDER, 4))
                    .whenThenTimeElapses(TIME_TO_LIVE.minus(Duration.ofSeconds(1)))
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        @Test
        void expiresEachOrdersReservationOnItsOwn() {
            fixture.given(aProductAdded(10))
                    .andGivenCommands(reserve(AN_ORDER, 4), reserve(ANOTHER_ORDER, 3), release(AN_ORDER))
                    .whenThenTimeElapses(TIME_TO_LIVE)
                    .expectTriggeredDeadlinesWithName(Inventory.RESERVATION_EXPIRY, Inventory.RESERVATION_EXPIRY)
                    .expectEvents(expired(ANOTHER_ORDER, 3));
        }

        @Test
        void expiryOfAReleasedReservationIsHarmless() {
            fixture.given(aProductAdded(10))
                    .andGivenCommands(reserve(AN_ORDER, 4), release(AN_ORDER))
                    .whenThenTimeElapses(TIME_TO_LIVE)
                    .expectTriggeredDeadlinesWithName(Inventory.RESERVATION_EXPIRY)
                    .expectNoEvents();
        }

        @Test
        void expiryOfACommittedReservationIsHarmless() {
            fixture.given(aProductAdded(10))
                    .andGivenCommands(reserve(AN_ORDER, 4), commit(AN_ORDER))
                    .whenThenTimeElapses(TIME_TO_LIVE)
                    .expectTriggeredDeadlinesWithName(Inventory.RESERVATION_EXPIRY)
                    .expectNoEvents();
        }
    }
}

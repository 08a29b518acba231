package io.orderflow.saga;

import static io.orderflow.contracts.order.CancellationReason.OUT_OF_STOCK;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_DECLINED;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_TIMEOUT;
import static io.orderflow.contracts.order.OrderStatus.AWAITING_PAYMENT;
import static io.orderflow.contracts.order.OrderStatus.CONFIRMED;
import static io.orderflow.contracts.order.OrderStatus.PENDING;
import static io.orderflow.saga.OrderSaga.PAYMENT_DEADLINE;
import static io.orderflow.saga.OrderSaga.STEP_RETRY;
import static io.orderflow.saga.OrderSagaFixtures.ORDER;
import static io.orderflow.saga.OrderSagaFixtures.PAYMENT_WAIT;
import static io.orderflow.saga.OrderSagaFixtures.PRODUCT_1;
import static io.orderflow.saga.OrderSagaFixtures.PRODUCT_2;
import static io.orderflow.saga.OrderSagaFixtures.PRODUCT_3;
import static io.orderflow.saga.OrderSagaFixtures.STEP_RETRY_AT_THE_LATEST;
import static io.orderflow.saga.OrderSagaFixtures.STEP_RETRY_INTERVAL;
import static io.orderflow.saga.OrderSagaFixtures.aDeadlineNamed;
import static io.orderflow.saga.OrderSagaFixtures.aOneLineOrderPlaced;
import static io.orderflow.saga.OrderSagaFixtures.aThreeLineOrderPlaced;
import static io.orderflow.saga.OrderSagaFixtures.anOrderSagaFixture;
import static io.orderflow.saga.OrderSagaFixtures.cancelOrder;
import static io.orderflow.saga.OrderSagaFixtures.cancelledByCustomer;
import static io.orderflow.saga.OrderSagaFixtures.commitStock;
import static io.orderflow.saga.OrderSagaFixtures.committedStockReturned;
import static io.orderflow.saga.OrderSagaFixtures.confirmOrder;
import static io.orderflow.saga.OrderSagaFixtures.given;
import static io.orderflow.saga.OrderSagaFixtures.historyUntil;
import static io.orderflow.saga.OrderSagaFixtures.markAwaitingPayment;
import static io.orderflow.saga.OrderSagaFixtures.orderAwaitingPayment;
import static io.orderflow.saga.OrderSagaFixtures.orderCancelled;
import static io.orderflow.saga.OrderSagaFixtures.orderConfirmed;
import static io.orderflow.saga.OrderSagaFixtures.orderShipped;
import static io.orderflow.saga.OrderSagaFixtures.paymentApproved;
import static io.orderflow.saga.OrderSagaFixtures.paymentDeclined;
import static io.orderflow.saga.OrderSagaFixtures.releaseStock;
import static io.orderflow.saga.OrderSagaFixtures.reservationExpired;
import static io.orderflow.saga.OrderSagaFixtures.reserveStock;
import static io.orderflow.saga.OrderSagaFixtures.stockCommitted;
import static io.orderflow.saga.OrderSagaFixtures.stockRejected;
import static io.orderflow.saga.OrderSagaFixtures.stockReleased;
import static io.orderflow.saga.OrderSagaFixtures.stockReserved;

import io.orderflow.contracts.inventory.CommitStockCommand;
import io.orderflow.contracts.order.ConfirmOrderCommand;
import io.orderflow.contracts.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.saga.OrderSagaFixtures.Stage;
import java.time.Duration;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.utils.CallbackBehavior;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderSagaTest {

    private static final String DECLINE_REASON = "card expired";
    private static final String TIMEOUT_DETAIL = "no payment result within 30 s";

    private SagaTestFixture<OrderSaga> fixture;

    @BeforeEach
    void newFixture() {
        fixture = anOrderSagaFixture();
    }

    @Nested
    class HappyPath {

        @Test
        void reservesTheLineOfAOneLineOrderWhenItIsPlaced() {
            fixture.givenNoPriorActivity()
                    .whenPublishingA(aOneLineOrderPlaced())
                    .expectActiveSagas(1)
                    .expectAssociationWith(OrderSaga.ORDER_ID, ORDER)
                    .expectDispatchedCommands(reserveStock(PRODUCT_1))
                    .expectScheduledDeadlineWithName(STEP_RETRY_INTERVAL, STEP_RETRY);
        }

        @Test
        void requestsPaymentWithThePaymentIdDerivedFromTheOrderOnceTheOnlyLineIsReserved() {
            fixture.givenAPublished(aOneLineOrderPlaced())
                    .whenPublishingA(stockReserved(PRODUCT_1))
                    .expectDispatchedCommands(markAwaitingPayment())
                    .expectScheduledDeadlineWithName(STEP_RETRY_INTERVAL, STEP_RETRY);
        }

        @Test
        void reservesTheLowestProductIdFirstWhateverTheOrderOfTheLines() {
            fixture.givenNoPriorActivity()
                    .whenPublishingA(aThreeLineOrderPlaced())
                    .expectDispatchedCommands(reserveStock(PRODUCT_1));
        }

        @Test
        void reservesTheNextLineOnlyOnceTheLineBeforeIsReserved() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .whenPublishingA(stockReserved(PRODUCT_1))
                    .expectDispatchedCommands(reserveStock(PRODUCT_2));
        }

        @Test
        void reservesTheLastLineAfterTheMiddleOne() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenPublishingA(stockReserved(PRODUCT_2))
                    .expectDispatchedCommands(reserveStock(PRODUCT_3));
        }

        @Test
        void requestsPaymentWithThePaymentIdDerivedFromTheOrderOnceEveryLineIsReserved() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .andThenAPublished(stockReserved(PRODUCT_2))
                    .whenPublishingA(stockReserved(PRODUCT_3))
                    .expectDispatchedCommands(markAwaitingPayment());
        }

        @Test
        void schedulesThePaymentDeadlineWhenTheOrderAwaitsPayment() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.RESERVED, order))
                    .whenPublishingA(orderAwaitingPayment(order))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(PAYMENT_WAIT, PAYMENT_DEADLINE);
        }

        @Test
        void waitsForThePaymentDeadlineOfTheSettings() {
            fixture = anOrderSagaFixture(new OrderSagaSettings(Duration.ofMinutes(2), STEP_RETRY_INTERVAL));
            OrderPlaced order = aOneLineOrderPlaced();
            given(fixture, historyUntil(Stage.RESERVED, order))
                    .whenPublishingA(orderAwaitingPayment(order))
                    .expectScheduledDeadlineWithName(Duration.ofMinutes(2), PAYMENT_DEADLINE);
        }

        @Test
        void confirmsTheOrderAndCancelsThePaymentDeadlineWhenPaymentIsApproved() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, order))
                    .whenPublishingA(paymentApproved(order))
                    .expectDispatchedCommands(confirmOrder())
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(PAYMENT_DEADLINE))
                    .expectScheduledDeadlineWithName(STEP_RETRY_INTERVAL, STEP_RETRY);
        }

        @Test
        void commitsTheStockOfEveryLineOnceTheOrderIsConfirmed() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.APPROVED, order))
                    .whenPublishingA(orderConfirmed())
                    .expectDispatchedCommands(commitStock(PRODUCT_1), commitStock(PRODUCT_2), commitStock(PRODUCT_3))
                    .expectScheduledDeadlineWithName(STEP_RETRY_INTERVAL, STEP_RETRY);
        }

        @Test
        void commitsTheOnlyLineOfAOneLineOrderOnceItIsConfirmed() {
            OrderPlaced order = aOneLineOrderPlaced();
            given(fixture, historyUntil(Stage.APPROVED, order))
                    .whenPublishingA(orderConfirmed())
                    .expectDispatchedCommands(commitStock(PRODUCT_1));
        }

        @Test
        void staysActiveWithNothingScheduledOnceAllStockIsCommitted() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.CONFIRMED, order))
                    .andThenAPublished(stockCommitted(PRODUCT_1))
                    .andThenAPublished(stockCommitted(PRODUCT_2))
                    .whenPublishingA(stockCommitted(PRODUCT_3))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(1);
        }

        @Test
        void endsWhenAOneLineOrderShips() {
            given(fixture, historyUntil(Stage.COMMITTED, aOneLineOrderPlaced()))
                    .whenPublishingA(orderShipped())
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0);
        }

        @Test
        void endsWhenAThreeLineOrderShips() {
            given(fixture, historyUntil(Stage.COMMITTED, aThreeLineOrderPlaced()))
                    .whenPublishingA(orderShipped())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void waitsForTheLastCommitWhenTheOrderShipsBeforeItsStockIsAllCommitted() {
            given(fixture, historyUntil(Stage.CONFIRMED, aThreeLineOrderPlaced()))
                    .andThenAPublished(stockCommitted(PRODUCT_1))
                    .andThenAPublished(stockCommitted(PRODUCT_2))
                    .andThenAPublished(orderShipped())
                    .whenPublishingA(stockCommitted(PRODUCT_3))
                    .expectActiveSagas(0);
        }

        @Test
        void staysActiveWhenTheOrderShipsBeforeItsStockIsAllCommitted() {
            given(fixture, historyUntil(Stage.CONFIRMED, aThreeLineOrderPlaced()))
                    .andThenAPublished(stockCommitted(PRODUCT_1))
                    .whenPublishingA(orderShipped())
                    .expectActiveSagas(1)
                    .expectScheduledDeadlineWithName(STEP_RETRY_INTERVAL, STEP_RETRY);
        }

        @Test
        void doesNothingNewOnADuplicateApproval() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.APPROVED, order))
                    .whenPublishingA(paymentApproved(order))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(PAYMENT_DEADLINE));
        }

        @Test
        void doesNothingOnAnApprovalRepeatedAfterTheStockIsCommitted() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.COMMITTED, order))
                    .whenPublishingA(paymentApproved(order))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class OutOfStock {

        @Test
        void cancelsWithoutReleasingAnythingWhenTheFirstLineIsOutOfStock() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .whenPublishingA(stockRejected(PRODUCT_1, 1))
                    .expectDispatchedCommands(
                            cancelOrder(OUT_OF_STOCK, "product product-1: requested 2, available 1"));
        }

        @Test
        void releasesTheFirstLineAndLeavesTheLastUntouchedWhenTheMiddleLineIsOutOfStock() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenPublishingA(stockRejected(PRODUCT_2, 0))
                    .expectDispatchedCommands(
                            releaseStock(PRODUCT_1),
                            cancelOrder(OUT_OF_STOCK, "product product-2: requested 1, available 0"));
        }

        @Test
        void releasesBothEarlierLinesWhenTheLastLineIsOutOfStock() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .andThenAPublished(stockReserved(PRODUCT_2))
                    .whenPublishingA(stockRejected(PRODUCT_3, 2))
                    .expectDispatchedCommands(
                            releaseStock(PRODUCT_1),
                            releaseStock(PRODUCT_2),
                            cancelOrder(OUT_OF_STOCK, "product product-3: requested 3, available 2"));
        }

        @Test
        void neverReservesTheLinesAfterTheRejectedOneEvenOnARetry() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .andThenAPublished(stockRejected(PRODUCT_2, 0))
                    .whenTimeElapses(STEP_RETRY_AT_THE_LATEST)
                    .expectDispatchedCommands(
                            releaseStock(PRODUCT_1),
                            cancelOrder(OUT_OF_STOCK, "product product-2: requested 1, available 0"));
        }

        @Test
        void endsWhenTheOrderIsCancelledWithNothingReserved() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockRejected(PRODUCT_1, 1))
                    .whenPublishingA(orderCancelled(OUT_OF_STOCK, "product product-1: requested 2, available 1", PENDING))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class PaymentDeclined {

        @Test
        void releasesEveryLineAndCancelsWithPaymentDeclined() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, order))
                    .whenPublishingA(paymentDeclined(DECLINE_REASON))
                    .expectDispatchedCommands(
                            releaseStock(PRODUCT_1),
                            releaseStock(PRODUCT_2),
                            releaseStock(PRODUCT_3),
                            cancelOrder(PAYMENT_DECLINED, DECLINE_REASON))
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(PAYMENT_DEADLINE));
        }
    }

    @Nested
    class PaymentTimeout {

        @Test
        void releasesEveryLineAndCancelsWithPaymentTimeoutWhenThePaymentDeadlinePasses() {
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, aThreeLineOrderPlaced()))
                    .whenTimeElapses(PAYMENT_WAIT)
                    // the step retry still pending from the reservation fires first, and finds the saga waiting
                    .expectTriggeredDeadlinesWithName(STEP_RETRY, PAYMENT_DEADLINE)
                    .expectDispatchedCommands(
                            releaseStock(PRODUCT_1),
                            releaseStock(PRODUCT_2),
                            releaseStock(PRODUCT_3),
                            cancelOrder(PAYMENT_TIMEOUT, TIMEOUT_DETAIL));
        }

        @Test
        void waitsUntilThePaymentDeadline() {
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, aThreeLineOrderPlaced()))
                    .whenTimeElapses(PAYMENT_WAIT.minusSeconds(1))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }

        @Test
        void ignoresAnApprovalThatArrivesWhileTheCancellationIsUnderWay() throws Exception {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, order))
                    .andThenTimeElapses(PAYMENT_WAIT)
                    .whenPublishingA(paymentApproved(order))
                    .expectNoDispatchedCommands();
        }

        @Test
        void needsNothingFromTheSagaWhenTheApprovalArrivesAfterTheTimeoutCancellation() throws Exception {
            // the Order aggregate requests the refund itself
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, order))
                    .andThenTimeElapses(PAYMENT_WAIT)
                    .andThenAPublished(stockReleased(PRODUCT_1))
                    .andThenAPublished(stockReleased(PRODUCT_2))
                    .andThenAPublished(stockReleased(PRODUCT_3))
                    .andThenAPublished(orderCancelled(PAYMENT_TIMEOUT, TIMEOUT_DETAIL, AWAITING_PAYMENT))
                    .whenPublishingA(paymentApproved(order))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class ReservationExpiry {

        @Test
        void cancelsLikeATimeoutWhenAReservationExpiresWhileAwaitingPayment() {
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, aThreeLineOrderPlaced()))
                    .whenPublishingA(reservationExpired(PRODUCT_2))
                    .expectDispatchedCommands(
                            releaseStock(PRODUCT_1),
                            releaseStock(PRODUCT_3),
                            cancelOrder(PAYMENT_TIMEOUT, "reservation of product product-2 expired before payment"))
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(PAYMENT_DEADLINE));
        }

        @Test
        void cancelsLikeATimeoutWhenAReservationExpiresWhileTheOtherLinesAreStillBeingReserved() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenPublishingA(reservationExpired(PRODUCT_1))
                    .expectDispatchedCommands(
                            cancelOrder(PAYMENT_TIMEOUT, "reservation of product product-1 expired before payment"));
        }

        @Test
        void doesNotCancelAPaidOrderWhoseReservationExpired() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.APPROVED, order))
                    .whenPublishingA(reservationExpired(PRODUCT_2))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }
    }

    @Nested
    class CustomerCancellation {

        @Test
        void releasesTheReservedLinesWhenTheCustomerCancelsWhileStockIsBeingReserved() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenPublishingA(cancelledByCustomer(PENDING))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1))
                    .expectActiveSagas(1);
        }

        @Test
        void releasesAReservationThatLandsAfterTheCustomerCancelled() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .andThenAPublished(cancelledByCustomer(PENDING))
                    .whenPublishingA(stockReserved(PRODUCT_2))
                    .expectDispatchedCommands(releaseStock(PRODUCT_2));
        }

        @Test
        void endsAtOnceWhenTheCustomerCancelsBeforeAnyStockIsReserved() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .whenPublishingA(cancelledByCustomer(PENDING))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void releasesEveryLineAndDropsThePaymentDeadlineWhenTheCustomerCancelsWhileAwaitingPayment() {
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, aThreeLineOrderPlaced()))
                    .whenPublishingA(cancelledByCustomer(AWAITING_PAYMENT))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1), releaseStock(PRODUCT_2), releaseStock(PRODUCT_3))
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(PAYMENT_DEADLINE));
        }

        @Test
        void returnsTheCommittedStockWhenTheCustomerCancelsAConfirmedOrder() {
            given(fixture, historyUntil(Stage.COMMITTED, aThreeLineOrderPlaced()))
                    .whenPublishingA(cancelledByCustomer(CONFIRMED))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1), releaseStock(PRODUCT_2), releaseStock(PRODUCT_3))
                    .expectScheduledDeadlineWithName(STEP_RETRY_INTERVAL, STEP_RETRY)
                    .expectActiveSagas(1);
        }

        @Test
        void endsOnceAllCommittedStockOfACancelledConfirmedOrderIsReturned() {
            given(fixture, historyUntil(Stage.COMMITTED, aThreeLineOrderPlaced()))
                    .andThenAPublished(cancelledByCustomer(CONFIRMED))
                    .andThenAPublished(committedStockReturned(PRODUCT_1))
                    .andThenAPublished(committedStockReturned(PRODUCT_2))
                    .whenPublishingA(committedStockReturned(PRODUCT_3))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void endsOnceTheLinesReservedBeforeAnEarlyCancellationAreReleased() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .andThenAPublished(cancelledByCustomer(PENDING))
                    .whenPublishingA(stockReleased(PRODUCT_1))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class CancellationStartedByTheSaga {

        @Test
        void releasesAgainWhenTheCancellationArrivesBeforeTheReleasesWhichIsHarmless() {
            // ReleaseStockCommand is idempotent: the Inventory ignores a release of a released reservation
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, aThreeLineOrderPlaced()))
                    .andThenAPublished(paymentDeclined(DECLINE_REASON))
                    .whenPublishingA(orderCancelled(PAYMENT_DECLINED, DECLINE_REASON, AWAITING_PAYMENT))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1), releaseStock(PRODUCT_2), releaseStock(PRODUCT_3))
                    .expectActiveSagas(1);
        }

        @Test
        void endsWhenTheOrderIsCancelledAfterItsStockWasReleased() {
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, aThreeLineOrderPlaced()))
                    .andThenAPublished(paymentDeclined(DECLINE_REASON))
                    .andThenAPublished(stockReleased(PRODUCT_1))
                    .andThenAPublished(stockReleased(PRODUCT_2))
                    .andThenAPublished(stockReleased(PRODUCT_3))
                    .whenPublishingA(orderCancelled(PAYMENT_DECLINED, DECLINE_REASON, AWAITING_PAYMENT))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void needsNothingFromTheSagaForEventsAfterItEnded() {
            OrderPlaced order = aOneLineOrderPlaced();
            fixture.givenAPublished(order)
                    .andThenAPublished(stockRejected(PRODUCT_1, 0))
                    .andThenAPublished(orderCancelled(OUT_OF_STOCK, "product product-1: requested 2, available 0", PENDING))
                    .whenPublishingA(paymentApproved(order))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class FailedSends {

        private final CallbackBehavior everyCommandFails = (command, metaData) -> {
            throw new IllegalStateException("command bus unavailable");
        };

        @Test
        void sendsAFailedReservationAgainAfterTheRetryInterval() {
            fixture.setCallbackBehavior(everyCommandFails);
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .whenTimeElapses(STEP_RETRY_INTERVAL)
                    .expectTriggeredDeadlinesWithName(STEP_RETRY)
                    .expectDispatchedCommands(reserveStock(PRODUCT_1))
                    .expectScheduledDeadlineWithName(STEP_RETRY_INTERVAL, STEP_RETRY);
        }

        @Test
        void keepsSendingAFailedCommandAtEveryRetryInterval() throws Exception {
            fixture.setCallbackBehavior(everyCommandFails);
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenTimeElapses(STEP_RETRY_INTERVAL)
                    .andThenTimeElapses(STEP_RETRY_INTERVAL)
                    .whenTimeElapses(STEP_RETRY_INTERVAL)
                    // the fixture lists the deadlines triggered in the given phase too
                    .expectTriggeredDeadlinesWithName(STEP_RETRY, STEP_RETRY, STEP_RETRY)
                    .expectDispatchedCommands(reserveStock(PRODUCT_1));
        }

        @Test
        void sendsAFailedPaymentRequestAgain() {
            fixture.setCallbackBehavior(failing(MarkOrderAwaitingPaymentCommand.class));
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenTimeElapses(STEP_RETRY_AT_THE_LATEST)
                    .expectDispatchedCommands(markAwaitingPayment());
        }

        @Test
        void sendsAFailedConfirmationAgain() {
            fixture.setCallbackBehavior(failing(ConfirmOrderCommand.class));
            given(fixture, historyUntil(Stage.APPROVED, aThreeLineOrderPlaced()))
                    .whenTimeElapses(STEP_RETRY_AT_THE_LATEST)
                    .expectDispatchedCommands(confirmOrder());
        }

        @Test
        void sendsTheCommitsAgainOnlyForTheLinesNotYetCommitted() {
            fixture.setCallbackBehavior(failing(CommitStockCommand.class));
            given(fixture, historyUntil(Stage.CONFIRMED, aThreeLineOrderPlaced()))
                    .andThenAPublished(stockCommitted(PRODUCT_2))
                    .whenTimeElapses(STEP_RETRY_AT_THE_LATEST)
                    .expectDispatchedCommands(commitStock(PRODUCT_1), commitStock(PRODUCT_3));
        }

        @Test
        void sendsTheReleasesAndTheCancellationAgainUntilTheOrderIsCancelled() {
            given(fixture, historyUntil(Stage.AWAITING_PAYMENT, aThreeLineOrderPlaced()))
                    .andThenAPublished(paymentDeclined(DECLINE_REASON))
                    .andThenAPublished(stockReleased(PRODUCT_1))
                    .whenTimeElapses(STEP_RETRY_AT_THE_LATEST)
                    .expectDispatchedCommands(
                            releaseStock(PRODUCT_2),
                            releaseStock(PRODUCT_3),
                            cancelOrder(PAYMENT_DECLINED, DECLINE_REASON));
        }

        @Test
        void sendsTheReleasesAgainAfterTheOrderIsCancelledUntilEachIsConfirmed() {
            given(fixture, historyUntil(Stage.COMMITTED, aThreeLineOrderPlaced()))
                    .andThenAPublished(cancelledByCustomer(CONFIRMED))
                    .andThenAPublished(committedStockReturned(PRODUCT_1))
                    .whenTimeElapses(STEP_RETRY_INTERVAL)
                    .expectDispatchedCommands(releaseStock(PRODUCT_2), releaseStock(PRODUCT_3));
        }

        @Test
        void aStepRetryFiringWhileTheOrderAwaitsPaymentSendsNothingAndIsNotScheduledAgain() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.RESERVED, order))
                    .andThenAPublished(orderAwaitingPayment(order))
                    .whenTimeElapses(STEP_RETRY_INTERVAL)
                    .expectTriggeredDeadlinesWithName(STEP_RETRY)
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(STEP_RETRY));
        }

        @Test
        void cancelsTheStepRetryWhenTheOrderWaitsToShip() {
            given(fixture, historyUntil(Stage.CONFIRMED, aThreeLineOrderPlaced()))
                    .andThenAPublished(stockCommitted(PRODUCT_1))
                    .andThenAPublished(stockCommitted(PRODUCT_2))
                    .whenPublishingA(stockCommitted(PRODUCT_3))
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(STEP_RETRY));
        }

        @Test
        void keepsOneStepRetryForConsecutiveStepsInsteadOfSchedulingOnePerStep() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenPublishingA(stockReserved(PRODUCT_2))
                    .expectScheduledDeadlineWithName(STEP_RETRY_INTERVAL, STEP_RETRY)
                    .expectDeadlinesMet();
        }

        @Test
        void givesAStepEnteredJustBeforeTheRetryFiresAWholeIntervalBeforeSendingAgain() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenTimeElapses(STEP_RETRY_INTERVAL)
                    .expectTriggeredDeadlinesWithName(STEP_RETRY)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(STEP_RETRY_INTERVAL, STEP_RETRY);
        }

        @Test
        void retriesOnlyTheCurrentStepOnceTheStepBeforeIsAnswered() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenTimeElapses(STEP_RETRY_AT_THE_LATEST)
                    .expectTriggeredDeadlinesWithName(STEP_RETRY, STEP_RETRY)
                    .expectDispatchedCommands(reserveStock(PRODUCT_2));
        }

        @Test
        void sendsNothingMoreOnceEveryStepIsAnswered() {
            given(fixture, historyUntil(Stage.COMMITTED, aThreeLineOrderPlaced()))
                    .whenTimeElapses(Duration.ofMinutes(5))
                    .expectTriggeredDeadlinesWithName()
                    .expectNoDispatchedCommands();
        }

        private static CallbackBehavior failing(Class<?> commandType) {
            return (command, metaData) -> {
                if (commandType.isInstance(command)) {
                    throw new IllegalStateException("handler of " + commandType.getSimpleName() + " unavailable");
                }
                return null;
            };
        }
    }
}

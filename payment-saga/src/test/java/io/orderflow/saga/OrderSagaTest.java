package io.orderflow.saga;

import static io.orderflow.contracts.order.CancellationReason.OUT_OF_STOCK;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_DECLINED;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_TIMEOUT;
import static io.orderflow.contracts.order.OrderStatus.AWAITING_PAYMENT;
import static io.orderflow.contracts.order.OrderStatus.CONFIRMED;
import static io.orderflow.contracts.order.OrderStatus.PENDING;
import static io.orderflow.saga.OrderSaga.PAYMENT_DEADLINE;
import static io.orderflow.saga.OrderSaga.PAYMENT_MAX_WAIT;
import static io.orderflow.saga.OrderSagaFixtures.ORDER;
import static io.orderflow.saga.OrderSagaFixtures.PAYMENT;
import static io.orderflow.saga.OrderSagaFixtures.PAYMENT_WAIT;
import static io.orderflow.saga.OrderSagaFixtures.PRODUCT_1;
import static io.orderflow.saga.OrderSagaFixtures.PRODUCT_2;
import static io.orderflow.saga.OrderSagaFixtures.PRODUCT_3;
import static io.orderflow.saga.OrderSagaFixtures.aDeadlineNamed;
import static io.orderflow.saga.OrderSagaFixtures.aOneLineOrderPlaced;
import static io.orderflow.saga.OrderSagaFixtures.aThreeLineOrderPlaced;
import static io.orderflow.saga.OrderSagaFixtures.anOrderSagaFixture;
import static io.orderflow.saga.OrderSagaFixtures.cancelOrder;
import static io.orderflow.saga.OrderSagaFixtures.cancelledByCustomer;
import static io.orderflow.saga.OrderSagaFixtures.chargeNotKept;
import static io.orderflow.saga.OrderSagaFixtures.chargePayment;
import static io.orderflow.saga.OrderSagaFixtures.commitStock;
import static io.orderflow.saga.OrderSagaFixtures.eur;
import static io.orderflow.saga.OrderSagaFixtures.given;
import static io.orderflow.saga.OrderSagaFixtures.historyUntil;
import static io.orderflow.saga.OrderSagaFixtures.markAwaitingPayment;
import static io.orderflow.saga.OrderSagaFixtures.orderCancelled;
import static io.orderflow.saga.OrderSagaFixtures.orderConfirmed;
import static io.orderflow.saga.OrderSagaFixtures.orderShipped;
import static io.orderflow.saga.OrderSagaFixtures.paymentDeclined;
import static io.orderflow.saga.OrderSagaFixtures.refundPayment;
import static io.orderflow.saga.OrderSagaFixtures.releaseStock;
import static io.orderflow.saga.OrderSagaFixtures.reservationExpired;
import static io.orderflow.saga.OrderSagaFixtures.reserveStock;
import static io.orderflow.saga.OrderSagaFixtures.returnStock;
import static io.orderflow.saga.OrderSagaFixtures.stockRejected;
import static io.orderflow.saga.OrderSagaFixtures.stockReserved;
import static io.orderflow.saga.OrderSagaFixtures.voidPayment;

import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.payment.RefundPaymentCommand;
import io.orderflow.saga.OrderSagaFixtures.Stage;
import io.orderflow.saga.OrderSagaFixtures.TogglePaymentChannel;
import java.time.Duration;
import java.util.List;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The order process, branch by branch: every step, every compensation, the payment deadline. */
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
        void reservesEveryLineAtOnceInProductIdOrderWhenTheOrderIsPlaced() {
            fixture.givenNoPriorActivity()
                    .whenPublishingA(aThreeLineOrderPlaced())
                    .expectActiveSagas(1)
                    .expectAssociationWith(OrderSaga.ORDER_ID, ORDER)
                    .expectDispatchedCommands(reserveStock(PRODUCT_1), reserveStock(PRODUCT_2), reserveStock(PRODUCT_3))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void waitsUntilEveryLineIsReserved() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenPublishingA(stockReserved(PRODUCT_3))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void chargesTheTotalAndMarksTheOrderAwaitingPaymentOnceEveryLineIsReserved() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.PLACED, order))
                    .andThenAPublished(stockReserved(PRODUCT_3))
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenPublishingA(stockReserved(PRODUCT_2))
                    .expectDispatchedCommands(chargePayment(order), markAwaitingPayment())
                    .expectScheduledDeadlineWithName(PAYMENT_WAIT, PAYMENT_DEADLINE);
        }

        @Test
        void chargesAOneLineOrderAsSoonAsItsLineIsReserved() {
            OrderPlaced order = aOneLineOrderPlaced();
            fixture.givenAPublished(order)
                    .whenPublishingA(stockReserved(PRODUCT_1))
                    .expectDispatchedCommands(chargePayment(order), markAwaitingPayment());
        }

        @Test
        void waitsForThePaymentDeadlineOfTheSettings() {
            fixture = anOrderSagaFixture(new OrderSagaSettings(Duration.ofMinutes(2)));
            fixture.givenAPublished(aOneLineOrderPlaced())
                    .whenPublishingA(stockReserved(PRODUCT_1))
                    .expectScheduledDeadlineWithName(Duration.ofMinutes(2), PAYMENT_DEADLINE);
        }

        @Test
        void commitsEveryLineAndDropsThePaymentDeadlineWhenTheApprovalConfirmsTheOrder() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenPublishingA(orderConfirmed())
                    .expectDispatchedCommands(commitStock(PRODUCT_1), commitStock(PRODUCT_2), commitStock(PRODUCT_3))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(1);
        }

        @Test
        void commitsOnlyOnceWhenTheConfirmationIsDeliveredAgain() {
            given(fixture, historyUntil(Stage.CONFIRMED, aThreeLineOrderPlaced()))
                    .whenPublishingA(orderConfirmed())
                    .expectNoDispatchedCommands();
        }

        @Test
        void endsWhenTheOrderShips() {
            given(fixture, historyUntil(Stage.CONFIRMED, aThreeLineOrderPlaced()))
                    .whenPublishingA(orderShipped())
                    .expectActiveSagas(0)
                    .expectNoDispatchedCommands();
        }
    }

    @Nested
    class OutOfStock {

        @Test
        void asksToCancelWithTheRejectedLineAsSoonAsOneLineIsRejected() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .whenPublishingA(stockRejected(PRODUCT_2, 0))
                    .expectDispatchedCommands(cancelOrder(OUT_OF_STOCK, "product product-2: requested 1, available 0"))
                    .expectActiveSagas(1);
        }

        @Test
        void asksToCancelOnlyOnceWhenASecondLineIsRejectedToo() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockRejected(PRODUCT_2, 0))
                    .whenPublishingA(stockRejected(PRODUCT_3, 1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void releasesTheReservedLinesOnceTheOrderIsCancelledAndWaitsForTheReservationStillUnderWay() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .andThenAPublished(stockRejected(PRODUCT_2, 0))
                    .whenPublishingA(orderCancelled(OUT_OF_STOCK, "product product-2: requested 1, available 0", PENDING))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1))
                    .expectActiveSagas(1);
        }

        @Test
        void releasesAReservationThatArrivesAfterTheCancellationAndThenEnds() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .andThenAPublished(stockRejected(PRODUCT_2, 0))
                    .andThenAPublished(orderCancelled(OUT_OF_STOCK, "product product-2: requested 1, available 0", PENDING))
                    .whenPublishingA(stockReserved(PRODUCT_3))
                    .expectDispatchedCommands(releaseStock(PRODUCT_3))
                    .expectActiveSagas(0);
        }

        @Test
        void endsWhenTheLastReservationUnderWayIsRejectedAfterTheCancellation() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockRejected(PRODUCT_1, 0))
                    .andThenAPublished(stockReserved(PRODUCT_2))
                    .andThenAPublished(orderCancelled(OUT_OF_STOCK, "product product-1: requested 2, available 0", PENDING))
                    .whenPublishingA(stockRejected(PRODUCT_3, 0))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0);
        }

        @Test
        void endsAtOnceWhenNothingIsReservedOrUnderWayWhenTheOrderIsCancelled() {
            fixture.givenAPublished(aOneLineOrderPlaced())
                    .andThenAPublished(stockRejected(PRODUCT_1, 1))
                    .whenPublishingA(orderCancelled(OUT_OF_STOCK, "product product-1: requested 2, available 1", PENDING))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class PaymentDeclinedOrTimedOut {

        @Test
        void asksToCancelAndDropsThePaymentDeadlineWhenThePaymentIsDeclined() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenPublishingA(paymentDeclined(DECLINE_REASON))
                    .expectDispatchedCommands(cancelOrder(PAYMENT_DECLINED, DECLINE_REASON))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void releasesEveryLineAndVoidsThePaymentOnceTheDeclinedOrderIsCancelled() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.RESERVED, order))
                    .andThenAPublished(paymentDeclined(DECLINE_REASON))
                    .whenPublishingA(orderCancelled(PAYMENT_DECLINED, DECLINE_REASON, AWAITING_PAYMENT))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1), releaseStock(PRODUCT_2), releaseStock(PRODUCT_3),
                            voidPayment(order))
                    .expectActiveSagas(0);
        }

        @Test
        void asksToCancelWhenThePaymentDeadlinePasses() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenTimeElapses(PAYMENT_WAIT)
                    .expectTriggeredDeadlinesWithName(PAYMENT_DEADLINE)
                    .expectDispatchedCommands(cancelOrder(PAYMENT_TIMEOUT, TIMEOUT_DETAIL));
        }

        @Test
        void waitsForThePaymentUntilItsDeadline() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenTimeElapses(PAYMENT_WAIT.minusSeconds(1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void commitsTheStockWhenTheApprovalWonTheRaceAgainstTheTimeoutsCancellation() throws Exception {
            // the order ignored the timeout's cancellation: it had been confirmed by then
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .andThenTimeElapses(PAYMENT_WAIT)
                    .whenPublishingA(orderConfirmed())
                    .expectDispatchedCommands(commitStock(PRODUCT_1), commitStock(PRODUCT_2), commitStock(PRODUCT_3));
        }

        @Test
        void ignoresADeclineAfterTheOrderWasConfirmed() {
            given(fixture, historyUntil(Stage.CONFIRMED, aThreeLineOrderPlaced()))
                    .whenPublishingA(paymentDeclined(DECLINE_REASON))
                    .expectNoDispatchedCommands();
        }

        @Test
        void releasesOnlyWhatIsStillReservedWhenAnOrderWithAnExpiredReservationTimesOut() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.RESERVED, order))
                    .andThenAPublished(reservationExpired(PRODUCT_2))
                    .whenPublishingA(orderCancelled(PAYMENT_TIMEOUT, TIMEOUT_DETAIL, AWAITING_PAYMENT))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1), releaseStock(PRODUCT_3), voidPayment(order));
        }
    }

    /** A reservation that expires while the payment is under way (docs/decisions/0016). */
    @Nested
    class ReservationExpiredBeforeTheApproval {

        @Test
        void waitsForThePaymentsAnswerWhenAReservationExpiresWhileAwaitingPayment() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenPublishingA(reservationExpired(PRODUCT_2))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineMatching(PAYMENT_WAIT, aDeadlineNamed(PAYMENT_DEADLINE));
        }

        @Test
        void takesTheExpiredLineAgainWithTheOthersWhenTheApprovalArrives() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .andThenAPublished(reservationExpired(PRODUCT_2))
                    .whenPublishingA(orderConfirmed())
                    .expectDispatchedCommands(commitStock(PRODUCT_1), commitStock(PRODUCT_2), commitStock(PRODUCT_3))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void asksToCancelThePaidOrderAsOutOfStockWhenTheExpiredLinesUnitsAreGone() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .andThenAPublished(reservationExpired(PRODUCT_2))
                    .andThenAPublished(orderConfirmed())
                    .whenPublishingA(stockRejected(PRODUCT_2, 0))
                    .expectDispatchedCommands(cancelOrder(OUT_OF_STOCK,
                            "product product-2: the reservation expired before the payment was approved, and only 0 of 1 are left"));
        }

        @Test
        void returnsTheCommittedLinesAndRefundsOnceThePaidOrderIsCancelledAsOutOfStock() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.RESERVED, order))
                    .andThenAPublished(reservationExpired(PRODUCT_2))
                    .andThenAPublished(orderConfirmed())
                    .andThenAPublished(stockRejected(PRODUCT_2, 0))
                    .whenPublishingA(orderCancelled(OUT_OF_STOCK, "gone", CONFIRMED))
                    .expectDispatchedCommands(returnStock(PRODUCT_1), returnStock(PRODUCT_3), refundPayment(order))
                    .expectActiveSagas(0);
        }

        @Test
        void stillCancelsForAnExpiryBeforeEveryLineIsReserved() {
            given(fixture, List.of(aThreeLineOrderPlaced(), stockReserved(PRODUCT_1)))
                    .whenPublishingA(reservationExpired(PRODUCT_1))
                    .expectDispatchedCommands(cancelOrder(PAYMENT_TIMEOUT, "reservation of product product-1 expired before payment"));
        }
    }

    /** The payment deadline runs only while the payment channel is open, up to the payment max wait (docs/decisions/0017). */
    @Nested
    class PaymentChannelDown {

        private static final Duration MAX_WAIT = Duration.ofSeconds(75);
        private static final String MAX_WAIT_DETAIL = "no payment result within the maximum wait of 75 s, the payment channel having been down";

        private final TogglePaymentChannel channel = new TogglePaymentChannel();

        @BeforeEach
        void fixtureWithAChannelToClose() {
            fixture = anOrderSagaFixture(new OrderSagaSettings(PAYMENT_WAIT, MAX_WAIT), channel);
        }

        @Test
        void schedulesThePaymentDeadlineOnlyWithTheChargeWhichCommitsOnceKafkaAcknowledgedIt() {
            OrderPlaced order = aOneLineOrderPlaced();
            fixture.givenAPublished(order)
                    .whenPublishingA(stockReserved(PRODUCT_1))
                    .expectDispatchedCommands(chargePayment(order), markAwaitingPayment())
                    .expectScheduledDeadlineWithName(PAYMENT_WAIT, PAYMENT_DEADLINE)
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(PAYMENT_MAX_WAIT));
        }

        @Test
        void waitsAnotherPaymentTimeoutWhenTheChannelIsDownAtTheDeadline() {
            channel.down();
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenTimeElapses(PAYMENT_WAIT)
                    .expectTriggeredDeadlinesWithName(PAYMENT_DEADLINE)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(PAYMENT_WAIT, PAYMENT_DEADLINE);
        }

        @Test
        void waitsTheRestOfAPaymentTimeoutWhenTheChannelOpenedAgainMeanwhile() {
            channel.openedAgo(Duration.ofSeconds(10));
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenTimeElapses(PAYMENT_WAIT)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(Duration.ofSeconds(20), PAYMENT_DEADLINE);
        }

        @Test
        void asksToCancelForTheTimeoutWhenTheChannelStayedOpenThroughTheExtension() throws Exception {
            channel.down();
            ContinuedGivenState extended = given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .andThenTimeElapses(PAYMENT_WAIT);
            channel.openedAgo(PAYMENT_WAIT);

            extended.whenTimeElapses(PAYMENT_WAIT)
                    .expectDispatchedCommands(cancelOrder(PAYMENT_TIMEOUT, TIMEOUT_DETAIL))
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(PAYMENT_DEADLINE));
        }

        @Test
        void asksToCancelWhenThePaymentMaxWaitPassesWhileTheChannelStaysDown() throws Exception {
            channel.down();
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .andThenTimeElapses(MAX_WAIT.minusSeconds(1))
                    .whenTimeElapses(Duration.ofSeconds(1))
                    .expectDispatchedCommands(cancelOrder(PAYMENT_TIMEOUT, MAX_WAIT_DETAIL))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void waitsForThePaymentUntilTheMaxWaitWhileTheChannelStaysDown() throws Exception {
            channel.down();
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenTimeElapses(MAX_WAIT.minusSeconds(1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void commitsTheStockAndDropsBothDeadlinesWhenTheApprovalArrivesDuringAnExtension() throws Exception {
            channel.down();
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .andThenTimeElapses(PAYMENT_WAIT)
                    .whenPublishingA(orderConfirmed())
                    .expectDispatchedCommands(commitStock(PRODUCT_1), commitStock(PRODUCT_2), commitStock(PRODUCT_3))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void asksToCancelAndDropsBothDeadlinesWhenTheDeclineArrivesDuringAnExtension() throws Exception {
            channel.down();
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .andThenTimeElapses(PAYMENT_WAIT)
                    .whenPublishingA(paymentDeclined(DECLINE_REASON))
                    .expectDispatchedCommands(cancelOrder(PAYMENT_DECLINED, DECLINE_REASON))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void releasesEverythingAndDropsBothDeadlinesWhenTheCustomerCancelsDuringAnExtension() throws Exception {
            OrderPlaced order = aThreeLineOrderPlaced();
            channel.down();
            given(fixture, historyUntil(Stage.RESERVED, order))
                    .andThenTimeElapses(PAYMENT_WAIT)
                    .whenPublishingA(cancelledByCustomer(AWAITING_PAYMENT))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1), releaseStock(PRODUCT_2), releaseStock(PRODUCT_3),
                            voidPayment(order))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void doesNothingWhenTheMaxWaitPassesAfterTheOrderWasConfirmed() throws Exception {
            channel.down();
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .andThenTimeElapses(PAYMENT_WAIT)
                    .andThenAPublished(orderConfirmed())
                    .whenTimeElapses(MAX_WAIT)
                    .expectNoDispatchedCommands();
        }
    }

    @Nested
    class CancelledByTheCustomer {

        @Test
        void releasesWhatIsReservedAndWaitsForTheReservationsStillUnderWay() {
            fixture.givenAPublished(aThreeLineOrderPlaced())
                    .andThenAPublished(stockReserved(PRODUCT_2))
                    .whenPublishingA(cancelledByCustomer(PENDING))
                    .expectDispatchedCommands(releaseStock(PRODUCT_2))
                    .expectActiveSagas(1);
        }

        @Test
        void endsAtOnceWhenTheCustomerCancelsAnOrderWhoseLinesWereAllAnswered() {
            fixture.givenAPublished(aOneLineOrderPlaced())
                    .andThenAPublished(stockRejected(PRODUCT_1, 0))
                    .whenPublishingA(cancelledByCustomer(PENDING))
                    .expectActiveSagas(0);
        }

        @Test
        void releasesEveryLineVoidsThePaymentAndDropsTheDeadlineWhenTheCustomerCancelsWhileAwaitingPayment() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.RESERVED, order))
                    .whenPublishingA(cancelledByCustomer(AWAITING_PAYMENT))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1), releaseStock(PRODUCT_2), releaseStock(PRODUCT_3),
                            voidPayment(order))
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(PAYMENT_DEADLINE))
                    .expectActiveSagas(0);
        }

        @Test
        void returnsTheCommittedStockAndRefundsThePaymentWhenTheCustomerCancelsAConfirmedOrder() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.CONFIRMED, order))
                    .whenPublishingA(cancelledByCustomer(CONFIRMED))
                    .expectDispatchedCommands(returnStock(PRODUCT_1), returnStock(PRODUCT_2), returnStock(PRODUCT_3),
                            refundPayment(order))
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class ChargesTheOrderDoesNotKeep {

        @Test
        void refundsAChargeOfAnOrderWhoseProcessHasEnded() {
            fixture.givenNoPriorActivity()
                    .whenPublishingA(chargeNotKept(PAYMENT, eur("60.00")))
                    .expectDispatchedCommands(new RefundPaymentCommand(PAYMENT, ORDER, eur("60.00")))
                    .expectActiveSagas(0);
        }

        @Test
        void refundsAChargeOnAnotherPaymentAndGoesOnWaitingForItsOwn() {
            PaymentId another = PaymentId.of("another-payment");
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenPublishingA(chargeNotKept(another, eur("60.00")))
                    .expectDispatchedCommands(new RefundPaymentCommand(another, ORDER, eur("60.00")))
                    .expectActiveSagas(1)
                    .expectScheduledDeadlineWithName(PAYMENT_WAIT, PAYMENT_DEADLINE);
        }
    }
}

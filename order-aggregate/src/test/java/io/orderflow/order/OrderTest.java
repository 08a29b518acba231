package io.orderflow.order;

import static io.orderflow.contracts.common.ErrorCode.CURRENCY_MISMATCH;
import static io.orderflow.contracts.common.ErrorCode.DUPLICATE_PRODUCT_IN_ORDER;
import static io.orderflow.contracts.common.ErrorCode.EMPTY_ORDER;
import static io.orderflow.contracts.common.ErrorCode.ILLEGAL_ORDER_TRANSITION;
import static io.orderflow.contracts.common.ErrorCode.INVALID_PRICE;
import static io.orderflow.contracts.common.ErrorCode.INVALID_QUANTITY;
import static io.orderflow.contracts.common.ErrorCode.ORDER_ALREADY_CANCELLED;
import static io.orderflow.contracts.common.ErrorCode.ORDER_ALREADY_SHIPPED;
import static io.orderflow.contracts.common.ErrorCode.PAYMENT_RESULT_AHEAD_OF_ORDER;
import static io.orderflow.contracts.common.ErrorCode.VALIDATION_FAILED;
import static io.orderflow.contracts.order.CancellationReason.CUSTOMER_REQUEST;
import static io.orderflow.contracts.order.CancellationReason.OUT_OF_STOCK;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_TIMEOUT;
import static io.orderflow.contracts.order.OrderStatus.AWAITING_PAYMENT;
import static io.orderflow.contracts.order.OrderStatus.CANCELLED;
import static io.orderflow.contracts.order.OrderStatus.CONFIRMED;
import static io.orderflow.contracts.order.OrderStatus.PENDING;
import static io.orderflow.contracts.order.OrderStatus.SHIPPED;
import static io.orderflow.order.OrderFixtures.ANOTHER_PAYMENT_ID;
import static io.orderflow.order.OrderFixtures.ORDER_ID;
import static io.orderflow.order.OrderFixtures.PAYMENT_ID;
import static io.orderflow.order.OrderFixtures.aLine;
import static io.orderflow.order.OrderFixtures.aChargeNotKept;
import static io.orderflow.order.OrderFixtures.aPaymentApproved;
import static io.orderflow.order.OrderFixtures.aPaymentRefunded;
import static io.orderflow.order.OrderFixtures.aPlaceOrderCommand;
import static io.orderflow.order.OrderFixtures.aRefundRequested;
import static io.orderflow.order.OrderFixtures.addressedToTheCustomer;
import static io.orderflow.order.OrderFixtures.anOrderAwaitingPayment;
import static io.orderflow.order.OrderFixtures.anOrderCancelledAfterConfirmation;
import static io.orderflow.order.OrderFixtures.anOrderCancelledWhileAwaitingPayment;
import static io.orderflow.order.OrderFixtures.anOrderPlaced;
import static io.orderflow.order.OrderFixtures.anOrderThatIs;
import static io.orderflow.order.OrderFixtures.eur;
import static io.orderflow.order.OrderFixtures.followedBy;
import static io.orderflow.order.OrderFixtures.refusedWith;
import static io.orderflow.order.OrderFixtures.yen;
import static org.hamcrest.Matchers.equalTo;

import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPaymentRefunded;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.PaymentApproved;
import io.orderflow.contracts.order.PaymentDeclined;
import io.orderflow.contracts.order.RecordPaymentApprovedCommand;
import io.orderflow.contracts.order.RecordPaymentDeclinedCommand;
import io.orderflow.contracts.order.RecordPaymentRefundedCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void untaxedFixture() {
        fixture = fixtureTaxedAt("0");
    }

    private static AggregateTestFixture<Order> fixtureTaxedAt(String rate) {
        AggregateTestFixture<Order> taxed = new AggregateTestFixture<>(Order.class);
        taxed.registerInjectableResource(new TaxPolicy(new BigDecimal(rate)));
        return taxed;
    }

    @Nested
    class PlaceOrder {

        @Test
        void placesAPendingOrderWithItsSubtotalAndTotal() {
            fixture.givenNoPriorActivity()
                    .when(aPlaceOrderCommand(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(anOrderPlaced(ORDER_ID));
        }

        @Test
        void addsTaxOnTheSubtotalRoundedHalfEvenToCents() {
            // 11.50 × 0.19 = 2.185: half-even gives 2.18 where half-up would give 2.19.
            List<OrderLine> lines = List.of(aLine("product-1", 2, eur("5.00")), aLine("product-2", 1, eur("1.50")));

            fixtureTaxedAt("0.19").givenNoPriorActivity()
                    .when(aPlaceOrderCommand(ORDER_ID, lines))
                    .expectEvents(anOrderPlaced(ORDER_ID, lines, eur("11.50"), eur("2.18"), eur("13.68")));
        }

        @Test
        void addsTaxRoundedHalfEvenToWholeYen() {
            // 750 × 0.19 = 142.5: half-even gives 142.
            List<OrderLine> lines = List.of(aLine("product-1", 2, yen("300")), aLine("product-2", 1, yen("150")));

            fixtureTaxedAt("0.19").givenNoPriorActivity()
                    .when(aPlaceOrderCommand(ORDER_ID, lines))
                    .expectEvents(anOrderPlaced(ORDER_ID, lines, yen("750"), yen("142"), yen("892")));
        }

        @Test
        void refusesAnOrderWithoutLines() {
            fixture.givenNoPriorActivity()
                    .when(aPlaceOrderCommand(ORDER_ID, List.of()))
                    .expectException(refusedWith(EMPTY_ORDER))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void refusesALineWithoutAPositiveQuantity(int quantity) {
            List<OrderLine> lines = List.of(aLine("product-1", 1, eur("5.00")), aLine("product-2", quantity, eur("5.00")));

            fixture.givenNoPriorActivity()
                    .when(aPlaceOrderCommand(ORDER_ID, lines))
                    .expectException(refusedWith(INVALID_QUANTITY))
                    .expectNoEvents();
        }

        @Test
        void refusesANegativeUnitPrice() {
            List<OrderLine> lines = List.of(aLine("product-1", 1, eur("-0.01")));

            fixture.givenNoPriorActivity()
                    .when(aPlaceOrderCommand(ORDER_ID, lines))
                    .expectException(refusedWith(INVALID_PRICE))
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameProductOnTwoLines() {
            List<OrderLine> lines = List.of(aLine("product-1", 1, eur("5.00")), aLine("product-1", 2, eur("5.00")));

            fixture.givenNoPriorActivity()
                    .when(aPlaceOrderCommand(ORDER_ID, lines))
                    .expectException(refusedWith(DUPLICATE_PRODUCT_IN_ORDER))
                    .expectNoEvents();
        }

        @Test
        void refusesLinesPricedInDifferentCurrencies() {
            List<OrderLine> lines = List.of(aLine("product-1", 1, eur("5.00")), aLine("product-2", 1, yen("500")));

            fixture.givenNoPriorActivity()
                    .when(aPlaceOrderCommand(ORDER_ID, lines))
                    .expectException(refusedWith(CURRENCY_MISMATCH))
                    .expectNoEvents();
        }
    }

    @Nested
    class MarkOrderAwaitingPayment {

        @Test
        void asksAPendingOrderToAwaitPaymentOfItsTotal() {
            fixture.given(anOrderThatIs(ORDER_ID, PENDING))
                    .when(new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID))
                    .expectEvents(new OrderAwaitingPayment(ORDER_ID, PAYMENT_ID, eur("30.00")));
        }

        @Test
        void asksForTheTotalIncludingTax() {
            List<OrderLine> lines = List.of(aLine("product-1", 2, eur("5.00")), aLine("product-2", 1, eur("1.50")));

            fixture.given(anOrderPlaced(ORDER_ID, lines, eur("11.50"), eur("2.18"), eur("13.68")))
                    .when(new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID))
                    .expectEvents(new OrderAwaitingPayment(ORDER_ID, PAYMENT_ID, eur("13.68")));
        }

        @Test
        void doesNothingTheSecondTimeForTheSamePayment() {
            fixture.given(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT))
                    .when(new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAnotherPaymentWhileAwaitingOne() {
            fixture.given(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT))
                    .when(new MarkOrderAwaitingPaymentCommand(ORDER_ID, ANOTHER_PAYMENT_ID))
                    .expectException(refusedWith(ILLEGAL_ORDER_TRANSITION))
                    .expectNoEvents();
        }

        @Test
        void doesNothingForAnOrderCancelledWhileItsStockWasReserved() {
            // The cancellation raced ahead of the process, which gives the stock back once it sees it.
            fixture.given(anOrderThatIs(ORDER_ID, CANCELLED))
                    .when(new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(names = {"CONFIRMED", "SHIPPED", "DELIVERED"})
        void refusesAnOrderPastPayment(OrderStatus status) {
            fixture.given(anOrderThatIs(ORDER_ID, status))
                    .when(new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID))
                    .expectException(refusedWith(ILLEGAL_ORDER_TRANSITION))
                    .expectNoEvents();
        }
    }

    @Nested
    class CancelOrder {

        @ParameterizedTest
        @EnumSource(names = {"PENDING", "AWAITING_PAYMENT", "CONFIRMED"})
        void letsTheCustomerCancelUntilTheOrderShipsAndRecordsWhatTheCancellationUndoes(OrderStatus status) {
            // The previous status tells the process what to give back: a payment asked for, or one taken.
            fixture.given(anOrderThatIs(ORDER_ID, status))
                    .when(new CancelOrderCommand(ORDER_ID, CUSTOMER_REQUEST, "changed my mind"))
                    .expectEvents(new OrderCancelled(ORDER_ID, CUSTOMER_REQUEST, "changed my mind", status));
        }

        @ParameterizedTest
        @EnumSource(mode = Mode.EXCLUDE, names = "CUSTOMER_REQUEST")
        void cancelsAPendingOrderForASystemReason(CancellationReason reason) {
            fixture.given(anOrderThatIs(ORDER_ID, PENDING))
                    .when(new CancelOrderCommand(ORDER_ID, reason, "product-1: 0 of 2 available"))
                    .expectEvents(new OrderCancelled(ORDER_ID, reason, "product-1: 0 of 2 available", PENDING));
        }

        @ParameterizedTest
        @EnumSource(mode = Mode.EXCLUDE, names = "CUSTOMER_REQUEST")
        void cancelsAnOrderAwaitingPaymentForASystemReason(CancellationReason reason) {
            fixture.given(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT))
                    .when(new CancelOrderCommand(ORDER_ID, reason, null))
                    .expectEvents(new OrderCancelled(ORDER_ID, reason, null, AWAITING_PAYMENT));
        }

        @ParameterizedTest
        @EnumSource(names = {"PAYMENT_TIMEOUT", "PAYMENT_DECLINED"})
        void ignoresASystemReasonThatLostTheRaceAgainstTheConfirmation(CancellationReason reason) {
            // A timeout or decline decided before the process saw the approval: the paid order stays confirmed.
            fixture.given(anOrderThatIs(ORDER_ID, CONFIRMED))
                    .when(new CancelOrderCommand(ORDER_ID, reason, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(CancellationReason.class)
        void doesNothingWhenTheOrderIsAlreadyCancelled(CancellationReason reason) {
            fixture.given(anOrderThatIs(ORDER_ID, CANCELLED))
                    .when(new CancelOrderCommand(ORDER_ID, reason, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(names = {"SHIPPED", "DELIVERED"})
        void refusesToCancelAnOrderThatHasShipped(OrderStatus status) {
            fixture.given(anOrderThatIs(ORDER_ID, status))
                    .when(new CancelOrderCommand(ORDER_ID, CUSTOMER_REQUEST, null))
                    .expectException(refusedWith(ORDER_ALREADY_SHIPPED))
                    .expectNoEvents();
        }

        @Test
        void refusesACancellationWithoutAReason() {
            fixture.given(anOrderThatIs(ORDER_ID, PENDING))
                    .when(new CancelOrderCommand(ORDER_ID, null, null))
                    .expectException(refusedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordPaymentApproved {

        @Test
        void confirmsTheOrderWhenThePaymentItAwaitsIsApproved() {
            fixture.given(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectEvents(new OrderConfirmed(ORDER_ID));
        }

        @ParameterizedTest
        @EnumSource(names = {"CONFIRMED", "SHIPPED", "DELIVERED"})
        void doesNothingForARepeatedApprovalOfAConfirmedOrder(OrderStatus status) {
            fixture.given(anOrderThatIs(ORDER_ID, status))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsAChargeItDoesNotKeepWhenTheApprovalArrivesAfterTheOrderWasCancelled() {
            fixture.given(anOrderCancelledWhileAwaitingPayment(ORDER_ID))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectEvents(aChargeNotKept(ORDER_ID, PAYMENT_ID));
        }

        @Test
        void recordsAChargeItDoesNotKeepOnlyOnce() {
            fixture.given(followedBy(anOrderCancelledWhileAwaitingPayment(ORDER_ID), aChargeNotKept(ORDER_ID, PAYMENT_ID)))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void doesNothingForALateApprovalWhoseChargeTheVoidHasAlreadyRefunded() {
            // The void raced the charge and answered REFUNDED before the approval arrived.
            fixture.given(followedBy(anOrderCancelledWhileAwaitingPayment(ORDER_ID), aPaymentRefunded(ORDER_ID, PAYMENT_ID)))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        /*
         * An approval of a payment the order never asked for is still money taken from the customer for this
         * order. Refusing it would leave the charge in place and only a dead letter to show for it; recording it
         * lets the order process give it back, and the payment service refunds a payment id at most once.
         */
        @ParameterizedTest
        @EnumSource(names = {"AWAITING_PAYMENT", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED"})
        void recordsAChargeItDoesNotKeepOnAPaymentTheOrderDidNotAskFor(OrderStatus status) {
            fixture.given(anOrderThatIs(ORDER_ID, status))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, ANOTHER_PAYMENT_ID))
                    .expectEvents(aChargeNotKept(ORDER_ID, ANOTHER_PAYMENT_ID));
        }

        @Test
        void keepsAwaitingItsOwnPaymentAfterAChargeOnAnotherOne() {
            fixture.given(followedBy(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT), aChargeNotKept(ORDER_ID, ANOTHER_PAYMENT_ID)))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectEvents(new OrderConfirmed(ORDER_ID));
        }

        @Test
        void doesNotConfirmAnOrderWhosePaymentWasDeclinedBeforeButRecordsTheCharge() {
            // Out of order or contradictory: the order goes on as declined, and the charge goes back.
            fixture.given(followedBy(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT),
                            new PaymentDeclined(ORDER_ID, PAYMENT_ID, "insufficient funds")))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectEvents(aChargeNotKept(ORDER_ID, PAYMENT_ID));
        }

        @Test
        void refusesAnApprovalAheadOfTheOrdersRecordThatItAwaitsThePaymentSoThatItIsDeliveredAgain() {
            fixture.given(anOrderThatIs(ORDER_ID, PENDING))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectException(refusedWith(PAYMENT_RESULT_AHEAD_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void refusesAnApprovalWithoutAPaymentId() {
            fixture.given(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, null))
                    .expectException(refusedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void readsTheApprovalsThatEarlierVersionsRecordedBeforeTheConfirmation() {
            fixture.given(followedBy(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT), aPaymentApproved(ORDER_ID), new OrderConfirmed(ORDER_ID)))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void readsTheRefundRequestsThatEarlierVersionsRecorded() {
            fixture.given(followedBy(anOrderCancelledWhileAwaitingPayment(ORDER_ID), aRefundRequested(ORDER_ID, PAYMENT_ID)))
                    .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordPaymentDeclined {

        @Test
        void recordsTheDeclineOfThePaymentTheOrderIsAwaiting() {
            fixture.given(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT))
                    .when(new RecordPaymentDeclinedCommand(ORDER_ID, PAYMENT_ID, "insufficient funds"))
                    .expectEvents(new PaymentDeclined(ORDER_ID, PAYMENT_ID, "insufficient funds"));
        }

        @Test
        void doesNothingTheSecondTime() {
            fixture.given(followedBy(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT),
                            new PaymentDeclined(ORDER_ID, PAYMENT_ID, "insufficient funds")))
                    .when(new RecordPaymentDeclinedCommand(ORDER_ID, PAYMENT_ID, "insufficient funds"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void doesNothingAfterThePaymentWasApproved() {
            fixture.given(anOrderThatIs(ORDER_ID, CONFIRMED))
                    .when(new RecordPaymentDeclinedCommand(ORDER_ID, PAYMENT_ID, "insufficient funds"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void doesNothingAfterTheOrderWasCancelled() {
            fixture.given(anOrderCancelledWhileAwaitingPayment(ORDER_ID))
                    .when(new RecordPaymentDeclinedCommand(ORDER_ID, PAYMENT_ID, "insufficient funds"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesADeclineAheadOfTheOrdersRecordThatItAwaitsThePayment() {
            fixture.given(anOrderThatIs(ORDER_ID, PENDING))
                    .when(new RecordPaymentDeclinedCommand(ORDER_ID, PAYMENT_ID, "insufficient funds"))
                    .expectException(refusedWith(PAYMENT_RESULT_AHEAD_OF_ORDER))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(mode = Mode.EXCLUDE, names = {"AWAITING_PAYMENT", "PENDING"})
        void doesNothingForAnOrderThatIsNotAwaitingPayment(OrderStatus status) {
            fixture.given(anOrderThatIs(ORDER_ID, status))
                    .when(new RecordPaymentDeclinedCommand(ORDER_ID, PAYMENT_ID, "insufficient funds"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void doesNothingForAPaymentTheOrderIsNotAwaiting() {
            fixture.given(anOrderThatIs(ORDER_ID, AWAITING_PAYMENT))
                    .when(new RecordPaymentDeclinedCommand(ORDER_ID, ANOTHER_PAYMENT_ID, "insufficient funds"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordPaymentRefunded {

        @Test
        void recordsTheRefundOfACancelledPaidOrder() {
            fixture.given(anOrderCancelledAfterConfirmation(ORDER_ID))
                    .when(new RecordPaymentRefundedCommand(ORDER_ID, PAYMENT_ID, eur("30.00")))
                    .expectEvents(aPaymentRefunded(ORDER_ID, PAYMENT_ID));
        }

        @Test
        void recordsTheAmountThePaymentServiceRefunded() {
            fixture.given(anOrderCancelledAfterConfirmation(ORDER_ID))
                    .when(new RecordPaymentRefundedCommand(ORDER_ID, PAYMENT_ID, eur("29.99")))
                    .expectEvents(new OrderPaymentRefunded(ORDER_ID, PAYMENT_ID, eur("29.99")));
        }

        @Test
        void doesNothingTheSecondTime() {
            fixture.given(followedBy(anOrderCancelledAfterConfirmation(ORDER_ID), aPaymentRefunded(ORDER_ID, PAYMENT_ID)))
                    .when(new RecordPaymentRefundedCommand(ORDER_ID, PAYMENT_ID, eur("30.00")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(OrderStatus.class)
        void recordsARefundTheOrderNeverRequestedBecauseItHappenedAtTheProvider(OrderStatus status) {
            fixture.given(anOrderThatIs(ORDER_ID, status))
                    .when(new RecordPaymentRefundedCommand(ORDER_ID, PAYMENT_ID, eur("30.00")))
                    .expectEvents(aPaymentRefunded(ORDER_ID, PAYMENT_ID));
        }

        @Test
        void recordsARefundOfAVoidThatCaughtTheCharge() {
            fixture.given(anOrderCancelledWhileAwaitingPayment(ORDER_ID))
                    .when(new RecordPaymentRefundedCommand(ORDER_ID, PAYMENT_ID, eur("30.00")))
                    .expectEvents(aPaymentRefunded(ORDER_ID, PAYMENT_ID));
        }

        @Test
        void recordsOneRefundPerPayment() {
            fixture.given(followedBy(anOrderCancelledAfterConfirmation(ORDER_ID),
                            aPaymentRefunded(ORDER_ID, PAYMENT_ID),
                            aChargeNotKept(ORDER_ID, ANOTHER_PAYMENT_ID)))
                    .when(new RecordPaymentRefundedCommand(ORDER_ID, ANOTHER_PAYMENT_ID, eur("30.00")))
                    .expectEvents(aPaymentRefunded(ORDER_ID, ANOTHER_PAYMENT_ID));
        }

        @Test
        void refusesARefundWithoutAPaymentId() {
            fixture.given(anOrderCancelledAfterConfirmation(ORDER_ID))
                    .when(new RecordPaymentRefundedCommand(ORDER_ID, null, eur("30.00")))
                    .expectException(refusedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesARefundWithoutAnAmount() {
            fixture.given(anOrderCancelledAfterConfirmation(ORDER_ID))
                    .when(new RecordPaymentRefundedCommand(ORDER_ID, PAYMENT_ID, null))
                    .expectException(refusedWith(VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Nested
    class EventMetadata {

        static Stream<Arguments> everyStepOfTheOrder() {
            return Stream.of(
                    step("placement", List.of(), aPlaceOrderCommand(ORDER_ID), anOrderPlaced(ORDER_ID)),
                    step("awaiting payment", anOrderThatIs(ORDER_ID, PENDING),
                            new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID), anOrderAwaitingPayment(ORDER_ID)),
                    step("confirmation by the approval", anOrderThatIs(ORDER_ID, AWAITING_PAYMENT),
                            new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID), new OrderConfirmed(ORDER_ID)),
                    step("decline", anOrderThatIs(ORDER_ID, AWAITING_PAYMENT),
                            new RecordPaymentDeclinedCommand(ORDER_ID, PAYMENT_ID, "insufficient funds"),
                            new PaymentDeclined(ORDER_ID, PAYMENT_ID, "insufficient funds")),
                    step("cancellation", anOrderThatIs(ORDER_ID, AWAITING_PAYMENT),
                            new CancelOrderCommand(ORDER_ID, PAYMENT_TIMEOUT, null),
                            new OrderCancelled(ORDER_ID, PAYMENT_TIMEOUT, null, AWAITING_PAYMENT)),
                    step("late approval", anOrderCancelledWhileAwaitingPayment(ORDER_ID),
                            new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID), aChargeNotKept(ORDER_ID, PAYMENT_ID)),
                    step("refund", anOrderCancelledAfterConfirmation(ORDER_ID),
                            new RecordPaymentRefundedCommand(ORDER_ID, PAYMENT_ID, eur("30.00")),
                            aPaymentRefunded(ORDER_ID, PAYMENT_ID)),
                    step("shipping", anOrderThatIs(ORDER_ID, CONFIRMED),
                            new ShipOrderCommand(ORDER_ID), new OrderShipped(ORDER_ID)),
                    step("delivery", anOrderThatIs(ORDER_ID, SHIPPED),
                            new DeliverOrderCommand(ORDER_ID), new OrderDelivered(ORDER_ID)));
        }

        private static Arguments step(String name, List<Object> history, Object command, Object... events) {
            return Arguments.of(name, history, command, events);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyStepOfTheOrder")
        void namesTheCustomerInTheMetadataOfEveryEvent(String step, List<Object> history, Object command, Object[] events) {
            fixture.given(history)
                    .when(command)
                    .expectEvents(Stream.of(events).map(OrderFixtures::addressedToTheCustomer).toArray(EventMessage<?>[]::new));
        }
    }

    @Nested
    class ShipOrder {

        @Test
        void shipsAConfirmedOrder() {
            fixture.given(anOrderThatIs(ORDER_ID, CONFIRMED))
                    .when(new ShipOrderCommand(ORDER_ID))
                    .expectEvents(new OrderShipped(ORDER_ID));
        }

        @Test
        void doesNothingTheSecondTime() {
            fixture.given(anOrderThatIs(ORDER_ID, SHIPPED))
                    .when(new ShipOrderCommand(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToShipACancelledOrder() {
            fixture.given(anOrderThatIs(ORDER_ID, CANCELLED))
                    .when(new ShipOrderCommand(ORDER_ID))
                    .expectException(refusedWith(ORDER_ALREADY_CANCELLED))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(names = {"PENDING", "AWAITING_PAYMENT", "DELIVERED"})
        void refusesToShipAnOrderThatIsNotConfirmed(OrderStatus status) {
            fixture.given(anOrderThatIs(ORDER_ID, status))
                    .when(new ShipOrderCommand(ORDER_ID))
                    .expectException(refusedWith(ILLEGAL_ORDER_TRANSITION))
                    .expectNoEvents();
        }

        @Test
        void namesTheOrderItsStatusAndTheRefusedStepWhenRefusing() {
            fixture.given(anOrderThatIs(ORDER_ID, PENDING))
                    .when(new ShipOrderCommand(ORDER_ID))
                    .expectExceptionMessage(equalTo("Order order-1 is PENDING and cannot be shipped"));
        }
    }

    @Nested
    class DeliverOrder {

        @Test
        void deliversAShippedOrder() {
            fixture.given(anOrderThatIs(ORDER_ID, SHIPPED))
                    .when(new DeliverOrderCommand(ORDER_ID))
                    .expectEvents(new OrderDelivered(ORDER_ID));
        }

        @Test
        void doesNothingTheSecondTime() {
            fixture.given(anOrderThatIs(ORDER_ID, OrderStatus.DELIVERED))
                    .when(new DeliverOrderCommand(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToDeliverACancelledOrder() {
            fixture.given(anOrderThatIs(ORDER_ID, CANCELLED))
                    .when(new DeliverOrderCommand(ORDER_ID))
                    .expectException(refusedWith(ORDER_ALREADY_CANCELLED))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(names = {"PENDING", "AWAITING_PAYMENT", "CONFIRMED"})
        void refusesToDeliverAnOrderThatHasNotShipped(OrderStatus status) {
            fixture.given(anOrderThatIs(ORDER_ID, status))
                    .when(new DeliverOrderCommand(ORDER_ID))
                    .expectException(refusedWith(ILLEGAL_ORDER_TRANSITION))
                    .expectNoEvents();
        }
    }

    @Test
    void takesAnOrderFromPlacementToDeliveryThroughItsCommands() {
        fixture.givenCommands(
                        aPlaceOrderCommand(ORDER_ID),
                        new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID),
                        new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID),
                        new ShipOrderCommand(ORDER_ID))
                .when(new DeliverOrderCommand(ORDER_ID))
                .expectEvents(new OrderDelivered(ORDER_ID));
    }

    @Test
    void recordsTheChargeOfAnApprovalThatRacedTheCancellationThroughItsCommands() {
        fixture.givenCommands(
                        aPlaceOrderCommand(ORDER_ID),
                        new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID),
                        new CancelOrderCommand(ORDER_ID, PAYMENT_TIMEOUT, null))
                .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                .expectEvents(aChargeNotKept(ORDER_ID, PAYMENT_ID));
    }

    @Test
    void recordsADuplicatedLateApprovalOnceThroughItsCommands() {
        fixture.givenCommands(
                        aPlaceOrderCommand(ORDER_ID),
                        new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID),
                        new CancelOrderCommand(ORDER_ID, PAYMENT_TIMEOUT, null),
                        new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID),
                        new RecordPaymentDeclinedCommand(ORDER_ID, PAYMENT_ID, "late and contradictory"))
                .when(new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void keepsTheConfirmationWhenATimeoutArrivesAfterTheApprovalThroughItsCommands() {
        fixture.givenCommands(
                        aPlaceOrderCommand(ORDER_ID),
                        new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID),
                        new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                .when(new CancelOrderCommand(ORDER_ID, PAYMENT_TIMEOUT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancelsAConfirmedOrderWhoseExpiredStockIsGoneThroughItsCommands() {
        fixture.givenCommands(
                        aPlaceOrderCommand(ORDER_ID),
                        new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID),
                        new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                .when(new CancelOrderCommand(ORDER_ID, OUT_OF_STOCK, "gone"))
                .expectEvents(addressedToTheCustomer(new OrderCancelled(ORDER_ID, OUT_OF_STOCK, "gone", CONFIRMED)));
    }

    @Test
    void letsTheCustomerCancelAfterConfirmationThroughItsCommands() {
        fixture.givenCommands(
                        aPlaceOrderCommand(ORDER_ID),
                        new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID),
                        new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID))
                .when(new CancelOrderCommand(ORDER_ID, CUSTOMER_REQUEST, null))
                .expectEvents(addressedToTheCustomer(new OrderCancelled(ORDER_ID, CUSTOMER_REQUEST, null, CONFIRMED)));
    }

    @Test
    void recordsTheRefundOnceWhenThePaymentServiceRepeatsItThroughItsCommands() {
        fixture.givenCommands(
                        aPlaceOrderCommand(ORDER_ID),
                        new MarkOrderAwaitingPaymentCommand(ORDER_ID, PAYMENT_ID),
                        new RecordPaymentApprovedCommand(ORDER_ID, PAYMENT_ID),
                        new CancelOrderCommand(ORDER_ID, CUSTOMER_REQUEST, null),
                        new RecordPaymentRefundedCommand(ORDER_ID, PAYMENT_ID, eur("30.00")))
                .when(new RecordPaymentRefundedCommand(ORDER_ID, PAYMENT_ID, eur("30.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}

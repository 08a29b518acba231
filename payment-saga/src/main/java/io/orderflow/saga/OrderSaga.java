package io.orderflow.saga;

import static io.orderflow.contracts.order.CancellationReason.OUT_OF_STOCK;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_DECLINED;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_TIMEOUT;
import static io.orderflow.saga.OrderSaga.LineState.COMMITTED;
import static io.orderflow.saga.OrderSaga.LineState.REJECTED;
import static io.orderflow.saga.OrderSaga.LineState.RELEASED;
import static io.orderflow.saga.OrderSaga.LineState.RESERVED;
import static io.orderflow.saga.OrderSaga.LineState.UNRESERVED;
import static io.orderflow.saga.OrderSaga.Step.AWAITING_PAYMENT;
import static io.orderflow.saga.OrderSaga.Step.CANCELLING;
import static io.orderflow.saga.OrderSaga.Step.COMMITTING;
import static io.orderflow.saga.OrderSaga.Step.CONFIRMED;
import static io.orderflow.saga.OrderSaga.Step.CONFIRMING;
import static io.orderflow.saga.OrderSaga.Step.RELEASING;
import static io.orderflow.saga.OrderSaga.Step.REQUESTING_PAYMENT;
import static io.orderflow.saga.OrderSaga.Step.RESERVING;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.CommitStockCommand;
import io.orderflow.contracts.inventory.CommittedStockReturned;
import io.orderflow.contracts.inventory.ReleaseStockCommand;
import io.orderflow.contracts.inventory.ReserveStockCommand;
import io.orderflow.contracts.inventory.StockCommitted;
import io.orderflow.contracts.inventory.StockReleased;
import io.orderflow.contracts.inventory.StockReservationExpired;
import io.orderflow.contracts.inventory.StockReservationRejected;
import io.orderflow.contracts.inventory.StockReserved;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.ConfirmOrderCommand;
import io.orderflow.contracts.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.PaymentApproved;
import io.orderflow.contracts.order.PaymentDeclined;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The order process, from a placed order to a shipped or a cancelled one:
 * <pre>
 * OrderPlaced ─▶ RESERVING, line by line in product-id order
 *                  ├─ a line rejected ──────────────────────────────▶ CANCELLING (OUT_OF_STOCK)
 *                  └─ every line reserved ─▶ REQUESTING_PAYMENT ─▶ AWAITING_PAYMENT
 *                                                                    ├─ declined ────────────▶ CANCELLING (PAYMENT_DECLINED)
 *                                                                    ├─ deadline or expiry ──▶ CANCELLING (PAYMENT_TIMEOUT)
 *                                                                    └─ approved ─▶ CONFIRMING ─▶ COMMITTING ─▶ CONFIRMED
 *                                                                                                                  └─ shipped: end
 * OrderCancelled, from any step ─▶ RELEASING every line still held ─▶ end once none is held
 * </pre>
 * The saga never waits for a command's result. While a step that sends commands waits for its expected
 * event, one step-retry deadline is pending; when it fires on a step that got no answer for a whole
 * interval, the step's commands are sent again: every target is idempotent, so a repeat is harmless and a
 * failed send is never lost. The deadline is not rescheduled at every step (a deadline costs a row
 * insert and delete): a step entered while one is pending waits between one and two intervals. Its state is ids, a step, a few
 * flags and the lines, stored by Jackson through its fields; the injected resources are transient.
 */
@Saga
@ProcessingGroup(OrderSaga.PROCESSING_GROUP)
public class OrderSaga {

    static final String PROCESSING_GROUP = "order-saga";
    static final String ORDER_ID = "orderId";
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String STEP_RETRY = "step-retry";

    private static final Logger logger = LoggerFactory.getLogger(OrderSaga.class);

    private OrderId orderId;
    /** In product-id order, the order in which stock is reserved. */
    private List<Line> lines = new ArrayList<>();
    private Step step;
    private boolean orderShipped;
    /** Kept to send the cancellation again on a step retry. */
    private CancellationReason cancellationReason;
    private String cancellationDetail;
    private String paymentDeadlineId;
    private String stepRetryId;
    /** A step was entered after the pending step retry was scheduled: when it fires, that step has not waited long enough. */
    private boolean stepEnteredSinceRetryScheduled;
    private int retries;

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient OrderSagaSettings settings;

    public OrderSaga() {
        // public, as is the class: Axon's saga factory calls it without making it accessible
    }

    // ---- 1. The order is placed: reserve its stock, one line after another

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlaced event) {
        orderId = event.orderId();
        lines = inProductIdOrder(event.lines());
        reserveNextLineOrRequestPayment();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReserved event) {
        markLine(event.productId(), RESERVED);
        if (step == RESERVING) {
            reserveNextLineOrRequestPayment();
        } else if (isGivingUp()) {
            // the reservation was under way when the order was given up
            release(event.productId());
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRejected event) {
        markLine(event.productId(), REJECTED);
        if (step == RESERVING) {
            cancelOrder(OUT_OF_STOCK, "product %s: requested %d, available %d"
                    .formatted(event.productId(), event.requested(), event.available()));
        }
    }

    /** Sequential, so that a refusal leaves the later lines untouched. */
    private void reserveNextLineOrRequestPayment() {
        startStep(nextLineToReserve().isPresent() ? RESERVING : REQUESTING_PAYMENT);
    }

    // ---- 2. Every line is reserved: the order waits for its payment, but not for ever

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderAwaitingPayment event) {
        if (step == REQUESTING_PAYMENT) {
            waitIn(AWAITING_PAYMENT);
            paymentDeadlineId = deadlineManager.schedule(settings.paymentTimeout(), PAYMENT_DEADLINE);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentApproved event) {
        if (step == AWAITING_PAYMENT) {
            cancelPaymentDeadline();
            startStep(CONFIRMING);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentDeclined event) {
        if (step == AWAITING_PAYMENT) {
            cancelPaymentDeadline();
            cancelOrder(PAYMENT_DECLINED, event.reason());
        }
    }

    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void onPaymentDeadline() {
        paymentDeadlineId = null;
        if (step == AWAITING_PAYMENT) {
            cancelOrder(PAYMENT_TIMEOUT, "no payment result within " + settings.paymentTimeout().toSeconds() + " s");
        }
    }

    /** A safety net: a reservation outlives the payment deadline, so it expires first only when something was lost. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationExpired event) {
        lineNoLongerHeld(event.productId());
        if (isBeforePayment()) {
            cancelPaymentDeadline();
            cancelOrder(PAYMENT_TIMEOUT, "reservation of product " + event.productId() + " expired before payment");
        } else if (step == CONFIRMING || step == COMMITTING) {
            logger.error("Order {} is paid, but its reservation of product {} expired before it was committed;"
                    + " its stock must be reserved again by hand", orderId, event.productId());
        }
    }

    // ---- 3. Paid: confirm the order, then commit its stock

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderConfirmed event) {
        if (step == CONFIRMING) {
            startStep(COMMITTING);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockCommitted event) {
        markLine(event.productId(), COMMITTED);
        if (step == COMMITTING && everyLineIs(COMMITTED)) {
            if (orderShipped) {
                end();
            } else {
                // a confirmed order may still be cancelled by its customer, and its stock returned
                waitIn(CONFIRMED);
            }
        }
    }

    // ---- 4. The end: the order left the warehouse with all its stock committed

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderShipped event) {
        orderShipped = true;
        if (step == CONFIRMED) {
            end();
        }
    }

    // ---- 5. Compensation: the order is cancelled, by this saga or by its customer; give back what is held

    private void cancelOrder(CancellationReason reason, String detail) {
        cancellationReason = reason;
        cancellationDetail = detail;
        startStep(CANCELLING);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelled event) {
        cancelPaymentDeadline();
        if (anyLineHeld()) {
            startStep(RELEASING);
        } else {
            end();
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReleased event) {
        lineNoLongerHeld(event.productId());
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(CommittedStockReturned event) {
        lineNoLongerHeld(event.productId());
    }

    /** The saga outlives the cancellation until every release is confirmed, so that a failed release is sent again. */
    private void lineNoLongerHeld(ProductId product) {
        markLine(product, RELEASED);
        if (step == RELEASING && !anyLineHeld()) {
            end();
        }
    }

    private void end() {
        cancelStepRetry();
        cancelPaymentDeadline();
        SagaLifecycle.end();
    }

    // ---- Steps, and sending their commands again until their expected event arrives

    @DeadlineHandler(deadlineName = STEP_RETRY)
    void onStepRetry() {
        stepRetryId = null;
        if (isWaitingStep()) {
            return; // a retry that fired while the saga waits: nothing to ask again, none needed until a step starts
        }
        if (stepEnteredSinceRetryScheduled) {
            scheduleStepRetry(); // the current step is younger than the interval: give it its time
            return;
        }
        retries++;
        logger.warn("Order {}: no answer in step {} within {}; sending its commands again (retry {})",
                orderId, step, settings.stepRetryInterval(), retries);
        sendCommandsOfCurrentStep();
        scheduleStepRetry();
    }

    /** Enters a step that asks for something: asks now, and again at a step retry until the answer arrives. */
    private void startStep(Step next) {
        step = next;
        retries = 0;
        sendCommandsOfCurrentStep();
        if (stepRetryId == null) {
            scheduleStepRetry();
        } else {
            stepEnteredSinceRetryScheduled = true;
        }
    }

    /**
     * Enters a step that waits for something nobody can be asked for again. The payment wait is short, so a
     * pending step retry is left to fire and find nothing to do; the wait for shipping may be long, so the
     * retry is cancelled instead of fired.
     */
    private void waitIn(Step next) {
        step = next;
        retries = 0;
        if (next == CONFIRMED) {
            cancelStepRetry();
        }
    }

    private void sendCommandsOfCurrentStep() {
        switch (step) {
            case RESERVING -> nextLineToReserve().ifPresent(line ->
                    send(new ReserveStockCommand(line.productId(), orderId, line.quantity())));
            case REQUESTING_PAYMENT -> send(new MarkOrderAwaitingPaymentCommand(orderId, PaymentId.forOrder(orderId)));
            case CONFIRMING -> send(new ConfirmOrderCommand(orderId));
            case COMMITTING -> linesIn(RESERVED).forEach(line -> send(new CommitStockCommand(line.productId(), orderId)));
            case CANCELLING -> {
                releaseHeldLines();
                send(new CancelOrderCommand(orderId, cancellationReason, cancellationDetail));
            }
            case RELEASING -> releaseHeldLines();
            case AWAITING_PAYMENT, CONFIRMED -> {
                // waiting for the outside world; there is nothing to send again
            }
        }
    }

    private boolean isWaitingStep() {
        return step == AWAITING_PAYMENT || step == CONFIRMED;
    }

    private void releaseHeldLines() {
        lines.stream().filter(Line::isHeld).forEach(line -> release(line.productId()));
    }

    private void release(ProductId product) {
        send(new ReleaseStockCommand(product, orderId));
    }

    private void send(Object command) {
        OrderId order = orderId;
        commandGateway.send(command).exceptionally(failure -> {
            logger.warn("Order {}: {} failed, the step retry sends it again: {}",
                    order, command.getClass().getSimpleName(), failure.toString());
            return null;
        });
    }

    private void scheduleStepRetry() {
        stepRetryId = deadlineManager.schedule(settings.stepRetryInterval(), STEP_RETRY);
        stepEnteredSinceRetryScheduled = false;
    }

    // Cancelled by schedule id: cancelAll(name) would cancel every saga's deadline of that name, and
    // cancelAllWithinScope(name) has persistent deadline managers scan all scheduled deadlines.
    private void cancelStepRetry() {
        if (stepRetryId != null) {
            cancelHarmlessly(STEP_RETRY, stepRetryId);
            stepRetryId = null;
        }
    }

    private void cancelPaymentDeadline() {
        if (paymentDeadlineId != null) {
            cancelHarmlessly(PAYMENT_DEADLINE, paymentDeadlineId);
            paymentDeadlineId = null;
        }
    }

    /**
     * A deadline that is firing at this very moment cannot be cancelled. Letting it fire is harmless: both
     * handlers look at the current step first (a step retry re-sends idempotent commands, a late payment
     * deadline finds the payment already settled), so the saga's progress must not fail on it.
     */
    private void cancelHarmlessly(String deadlineName, String scheduleId) {
        try {
            deadlineManager.cancelSchedule(deadlineName, scheduleId);
        } catch (RuntimeException firingNow) {
            logger.debug("Order {}: deadline {} could not be cancelled, it fires and finds nothing to do: {}",
                    orderId, deadlineName, firingNow.toString());
        }
    }

    // ---- Rules


    private boolean isBeforePayment() {
        return step == RESERVING || step == REQUESTING_PAYMENT || step == AWAITING_PAYMENT;
    }

    private boolean isGivingUp() {
        return step == CANCELLING || step == RELEASING;
    }

    private static List<Line> inProductIdOrder(List<OrderLine> orderLines) {
        return orderLines.stream()
                .map(line -> new Line(line.productId(), line.quantity(), UNRESERVED))
                .sorted(Comparator.comparing(line -> line.productId().value()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private Optional<Line> nextLineToReserve() {
        return lines.stream().filter(line -> line.state() == UNRESERVED).findFirst();
    }

    private List<Line> linesIn(LineState state) {
        return lines.stream().filter(line -> line.state() == state).toList();
    }

    private boolean everyLineIs(LineState state) {
        return lines.stream().allMatch(line -> line.state() == state);
    }

    private boolean anyLineHeld() {
        return lines.stream().anyMatch(Line::isHeld);
    }

    private void markLine(ProductId product, LineState state) {
        lines.replaceAll(line -> line.productId().equals(product) ? line.in(state) : line);
    }

    /** Where the process stands; the steps that send commands are retried until their expected event arrives. */
    enum Step {
        /** A reservation was requested for the first unreserved line; waiting for it to be reserved or rejected. */
        RESERVING,
        /** Every line is reserved; the order was asked to await payment. */
        REQUESTING_PAYMENT,
        /** The order awaits its payment result until the payment deadline. */
        AWAITING_PAYMENT,
        /** The payment was approved; the order was asked to confirm. */
        CONFIRMING,
        /** The order is confirmed; every reserved line was asked to commit. */
        COMMITTING,
        /** All stock is committed; waiting for the order to ship, or to be cancelled by its customer. */
        CONFIRMED,
        /** The saga gave the order up: held stock was released and the order asked to cancel. */
        CANCELLING,
        /** The order is cancelled; held stock was released, waiting for every release to be confirmed. */
        RELEASING
    }

    /** What became of one line's stock, as far as the inventory has told. */
    enum LineState {
        UNRESERVED,
        RESERVED,
        REJECTED,
        COMMITTED,
        /** Released, returned after commitment, or expired: no longer held for the order. */
        RELEASED
    }

    /** One order line, as far as stock is concerned. */
    record Line(ProductId productId, int quantity, LineState state) {

        boolean isHeld() {
            return state == RESERVED || state == COMMITTED;
        }

        Line in(LineState newState) {
            return new Line(productId, quantity, newState);
        }
    }
}

package io.orderflow.saga;

import static io.orderflow.contracts.order.CancellationReason.OUT_OF_STOCK;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_DECLINED;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_TIMEOUT;
import static io.orderflow.saga.OrderSaga.LineState.COMMITTED;
import static io.orderflow.saga.OrderSaga.LineState.EXPIRED;
import static io.orderflow.saga.OrderSaga.LineState.REJECTED;
import static io.orderflow.saga.OrderSaga.LineState.RELEASED;
import static io.orderflow.saga.OrderSaga.LineState.REQUESTED;
import static io.orderflow.saga.OrderSaga.LineState.RESERVED;
import static io.orderflow.saga.OrderSaga.Step.AWAITING_PAYMENT;
import static io.orderflow.saga.OrderSaga.Step.CANCELLING;
import static io.orderflow.saga.OrderSaga.Step.CONFIRMED;
import static io.orderflow.saga.OrderSaga.Step.RELEASING;
import static io.orderflow.saga.OrderSaga.Step.RESERVING;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.CommitStockCommand;
import io.orderflow.contracts.inventory.ReleaseStockCommand;
import io.orderflow.contracts.inventory.ReserveStockCommand;
import io.orderflow.contracts.inventory.ReturnStockCommand;
import io.orderflow.contracts.inventory.StockReservationExpired;
import io.orderflow.contracts.inventory.StockReservationRejected;
import io.orderflow.contracts.inventory.StockReserved;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.ChargeNotKept;
import io.orderflow.contracts.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.PaymentDeclined;
import io.orderflow.contracts.payment.ChargePaymentCommand;
import io.orderflow.contracts.payment.RefundPaymentCommand;
import io.orderflow.contracts.payment.VoidPaymentCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The order process, from a placed order to a shipped or a cancelled one:
 * <pre>
 * OrderPlaced ─▶ RESERVING every line at once
 *                  ├─ a line rejected ─────────────────────────────────────────▶ CANCELLING (OUT_OF_STOCK)
 *                  └─ every line reserved ─▶ charge, AWAITING_PAYMENT until the payment deadline
 *                                               ├─ declined ────────────────────▶ CANCELLING (PAYMENT_DECLINED)
 *                                               ├─ deadline, the payment channel down meanwhile ─▶ the time owed,
 *                                               │                                 within the max wait
 *                                               ├─ deadline or max wait ────────▶ CANCELLING (PAYMENT_TIMEOUT)
 *                                               ├─ a reservation expired: the line waits for the payment's answer
 *                                               └─ approved: OrderConfirmed ─▶ commit the stock (an expired line is
 *                                                    │                          taken again), CONFIRMED
 *                                                    ├─ an expired line's stock is gone ─▶ CANCELLING (OUT_OF_STOCK)
 *                                                    └─ shipped: end
 * OrderCancelled, by this process or by the customer ─▶ give back what is held: release reserved stock,
 *                return committed stock, void the payment asked for or refund the payment taken ─▶ end
 * ChargeNotKept, a charge the order does not keep ─▶ refund it
 * </pre>
 * The process owns the payment leg: it asks for the charge, the void and the refund itself, while the
 * order records facts (awaiting payment, confirmed, cancelled). It gives back what an order holds only
 * once the order is cancelled, so that a cancellation and a confirmation that race cannot both win.
 *
 * <p>Commands are sent through {@link SagaCommands}: a command that fails fails the handling of the event,
 * which is handled again with back-off and, if it keeps failing, parked with the order's later events until
 * an operator retries or resolves it ({@link io.orderflow.stucksagas}); business refusals come back as events. The
 * only deadline is the payment's, which the business times, and which runs only while the payment channel is open
 * ({@link PaymentChannel}). The state is ids, the step and the lines,
 * stored by Jackson through its fields; the injected resources are transient.
 */
@Saga
@ProcessingGroup(OrderSaga.PROCESSING_GROUP)
public class OrderSaga {

    public static final String PROCESSING_GROUP = "order-saga";
    static final String ORDER_ID = "orderId";
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String PAYMENT_MAX_WAIT = "payment-max-wait";

    private OrderId orderId;
    private Money total;
    /** In product-id order. */
    private List<Line> lines = new ArrayList<>();
    private Step step;
    /** Set once the charge was asked for. */
    private PaymentId paymentId;
    private String paymentDeadlineId;
    /** When the order was placed: the payment max wait counts from then. */
    private Instant placedAt;
    /** Set once the payment deadline was extended, the payment channel having been down. */
    private String paymentMaxWaitId;

    @Autowired
    private transient SagaCommands commands;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient OrderSagaSettings settings;
    @Autowired
    private transient PaymentChannel paymentChannel;

    public OrderSaga() {
        // public, as is the class: Axon's saga factory calls it without making it accessible
    }

    // ---- 1. The order is placed: reserve the stock of every line

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlaced event, @Timestamp Instant placed) {
        orderId = event.orderId();
        placedAt = placed;
        total = event.total();
        lines = inProductIdOrder(event.lines());
        step = RESERVING;
        lines.forEach(line -> commands.send(new ReserveStockCommand(line.productId(), orderId, line.quantity())));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReserved event) {
        markLine(event.productId(), RESERVED);
        if (step == RESERVING && everyLineIs(RESERVED)) {
            askForPayment();
        } else if (step == RELEASING) {
            // the reservation was under way when the order was cancelled
            release(event.productId());
            endOnceNothingIsPending();
        }
    }

    /** Also the answer to committing a line whose reservation expired, when its stock was taken by others meanwhile. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRejected event) {
        markLine(event.productId(), REJECTED);
        if (step == RESERVING) {
            askToCancel(OUT_OF_STOCK, "product %s: requested %d, available %d"
                    .formatted(event.productId(), event.requested(), event.available()));
        } else if (step == CONFIRMED) {
            askToCancel(OUT_OF_STOCK, "product %s: the reservation expired before the payment was approved, and only %d of %d are left"
                    .formatted(event.productId(), event.available(), event.requested()));
        } else if (step == RELEASING) {
            endOnceNothingIsPending();
        }
    }

    // ---- 2. Every line is reserved: charge the order, and wait for the payment, but not for ever

    private void askForPayment() {
        step = AWAITING_PAYMENT;
        paymentId = PaymentId.forOrder(orderId);
        commands.send(new ChargePaymentCommand(paymentId, orderId, total));
        commands.send(new MarkOrderAwaitingPaymentCommand(orderId, paymentId));
        // written in the batch that commits only once Kafka acknowledged the charge: no request, no deadline
        paymentDeadlineId = deadlineManager.schedule(settings.paymentTimeout(), PAYMENT_DEADLINE);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentDeclined event) {
        if (step == AWAITING_PAYMENT) {
            cancelPaymentDeadline();
            askToCancel(PAYMENT_DECLINED, event.reason());
        }
    }

    /**
     * The payment service had the request for the payment timeout and did not answer: cancel. Unless the payment
     * channel was down meanwhile (docs/decisions/0017): then the payment service has not had its time, and gets
     * what it is owed, within the payment max wait.
     */
    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void onPaymentDeadline() {
        paymentDeadlineId = null;
        if (step != AWAITING_PAYMENT) {
            return;
        }
        Duration owed = paymentChannel.stillOwed(settings.paymentTimeout());
        if (owed.isZero()) {
            askToCancel(PAYMENT_TIMEOUT, "no payment result within " + settings.paymentTimeout().toSeconds() + " s");
            return;
        }
        paymentDeadlineId = deadlineManager.schedule(owed, PAYMENT_DEADLINE);
        if (paymentMaxWaitId == null) {
            // only once the channel was down: the happy path schedules one deadline per order, not two
            paymentMaxWaitId = placedAt != null
                    ? deadlineManager.schedule(placedAt.plus(settings.paymentMaxWait()), PAYMENT_MAX_WAIT)
                    : deadlineManager.schedule(settings.paymentMaxWait(), PAYMENT_MAX_WAIT);
        }
    }

    @DeadlineHandler(deadlineName = PAYMENT_MAX_WAIT)
    void onPaymentMaxWait() {
        paymentMaxWaitId = null;
        if (step == AWAITING_PAYMENT) {
            cancelPaymentDeadline();
            askToCancel(PAYMENT_TIMEOUT, "no payment result within the maximum wait of " + settings.paymentMaxWait().toSeconds()
                    + " s, the payment channel having been down");
        }
    }

    /**
     * A reservation that expires while the payment is under way does not decide the order: the payment's answer
     * does (docs/decisions/0016). A decline or the deadline cancels as usual; an approval takes the stock again.
     * One that expires before every line is reserved is a safety net: something was lost.
     */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationExpired event) {
        markLine(event.productId(), EXPIRED);
        if (step == RESERVING) {
            askToCancel(PAYMENT_TIMEOUT, "reservation of product " + event.productId() + " expired before payment");
        }
    }

    // ---- 3. Paid: the order is confirmed by its payment's approval; commit its stock

    /**
     * Also after a cancellation was asked for: the order ignores a timeout or a decline that lost the race. A line
     * whose reservation expired is committed too: the product takes its units again while it still has them, and
     * rejects the line otherwise (above: the paid order is cancelled for being out of stock, and refunded).
     */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderConfirmed event) {
        if (step == AWAITING_PAYMENT || step == CANCELLING) {
            cancelPaymentDeadline();
            step = CONFIRMED;
            lines.stream().filter(line -> line.state() == RESERVED || line.state() == EXPIRED).toList().forEach(line -> {
                commands.send(new CommitStockCommand(line.productId(), orderId));
                markLine(line.productId(), COMMITTED);
            });
        }
    }

    /**
     * A charge the order does not keep: it was cancelled meanwhile, or the payment is not the one it asked for.
     * The money goes back, whether or not this process still runs for the order.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(ChargeNotKept event) {
        commands.send(new RefundPaymentCommand(event.paymentId(), event.orderId(), event.amount()));
        if (step == null) {
            SagaLifecycle.end(); // started for this refund alone
        }
    }

    // ---- 4. The end: the order left the warehouse

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderShipped event) {
        if (step == CONFIRMED) {
            SagaLifecycle.end();
        }
    }

    // ---- 5. Compensation: the order is cancelled, by this process or by its customer; give back what it holds

    private void askToCancel(CancellationReason reason, String detail) {
        step = CANCELLING;
        commands.send(new CancelOrderCommand(orderId, reason, detail));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelled event) {
        cancelPaymentDeadline();
        step = RELEASING;
        linesIn(RESERVED).forEach(line -> release(line.productId()));
        linesIn(COMMITTED).forEach(line -> {
            commands.send(new ReturnStockCommand(line.productId(), orderId, line.quantity()));
            markLine(line.productId(), RELEASED);
        });
        giveBackThePayment(event.previousStatus());
        endOnceNothingIsPending();
    }

    /** A payment asked for is voided (which refunds it, should the charge have won the race); one taken is refunded. */
    private void giveBackThePayment(OrderStatus cancelledFrom) {
        if (paymentId == null) {
            return;
        }
        if (cancelledFrom == OrderStatus.CONFIRMED) {
            commands.send(new RefundPaymentCommand(paymentId, orderId, total));
        } else {
            commands.send(new VoidPaymentCommand(paymentId, orderId, total));
        }
    }

    private void release(ProductId product) {
        commands.send(new ReleaseStockCommand(product, orderId));
        markLine(product, RELEASED);
    }

    /** A reservation still under way is released when its answer arrives; the process ends when none is. */
    private void endOnceNothingIsPending() {
        if (linesIn(REQUESTED).isEmpty()) {
            SagaLifecycle.end();
        }
    }

    private void cancelPaymentDeadline() {
        if (paymentDeadlineId != null) {
            cancelHarmlessly(PAYMENT_DEADLINE, paymentDeadlineId);
            paymentDeadlineId = null;
        }
        if (paymentMaxWaitId != null) {
            cancelHarmlessly(PAYMENT_MAX_WAIT, paymentMaxWaitId);
            paymentMaxWaitId = null;
        }
    }

    /**
     * A deadline that is firing at this very moment cannot be cancelled. Letting it fire is harmless: its
     * handler looks at the step first, and the step is no longer awaiting payment.
     */
    private void cancelHarmlessly(String deadlineName, String scheduleId) {
        try {
            deadlineManager.cancelSchedule(deadlineName, scheduleId);
        } catch (RuntimeException firingNow) {
            // the payment deadline is being handled right now; see above
        }
    }

    // ---- Rules

    private static List<Line> inProductIdOrder(List<OrderLine> orderLines) {
        return orderLines.stream()
                .map(line -> new Line(line.productId(), line.quantity(), REQUESTED))
                .sorted(Comparator.comparing(line -> line.productId().value()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private List<Line> linesIn(LineState state) {
        return lines.stream().filter(line -> line.state() == state).toList();
    }

    private boolean everyLineIs(LineState state) {
        return lines.stream().allMatch(line -> line.state() == state);
    }

    private void markLine(ProductId product, LineState state) {
        lines.replaceAll(line -> line.productId().equals(product) ? line.in(state) : line);
    }

    /** Where the process stands. */
    enum Step {
        /** A reservation was requested for every line; waiting for each to be reserved or rejected. */
        RESERVING,
        /** Every line is reserved and the charge asked for; the order awaits its payment until the payment deadline. */
        AWAITING_PAYMENT,
        /** The process asked the order to cancel; waiting for the cancellation (or for a confirmation that won). */
        CANCELLING,
        /** Paid and committed; waiting for the order to ship, or to be cancelled by its customer. */
        CONFIRMED,
        /** Cancelled and given back; waiting for the reservations still under way, to release them too. */
        RELEASING
    }

    /** What became of one line's stock, as far as this process knows. */
    enum LineState {
        REQUESTED,
        RESERVED,
        REJECTED,
        COMMITTED,
        /** The reservation expired before the payment's answer: nothing is held, and an approval takes the units again. */
        EXPIRED,
        /** Released, or returned after commitment: no longer held for the order. */
        RELEASED
    }

    /** One order line, as far as stock is concerned. */
    record Line(ProductId productId, int quantity, LineState state) {

        Line in(LineState newState) {
            return new Line(productId, quantity, newState);
        }
    }
}

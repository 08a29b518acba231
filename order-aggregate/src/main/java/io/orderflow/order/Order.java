package io.orderflow.order;

import io.orderflow.contracts.common.MetadataKeys;
import static io.orderflow.contracts.common.ErrorCode.EMPTY_ORDER;
import static io.orderflow.contracts.common.ErrorCode.ILLEGAL_ORDER_TRANSITION;
import static io.orderflow.contracts.common.ErrorCode.INVALID_PRICE;
import static io.orderflow.contracts.common.ErrorCode.INVALID_QUANTITY;
import static io.orderflow.contracts.common.ErrorCode.ORDER_ALREADY_CANCELLED;
import static io.orderflow.contracts.common.ErrorCode.ORDER_ALREADY_SHIPPED;
import static io.orderflow.contracts.common.ErrorCode.PAYMENT_RESULT_AHEAD_OF_ORDER;
import static io.orderflow.contracts.common.ErrorCode.VALIDATION_FAILED;
import static io.orderflow.contracts.order.OrderStatus.AWAITING_PAYMENT;
import static io.orderflow.contracts.order.OrderStatus.CANCELLED;
import static io.orderflow.contracts.order.OrderStatus.CONFIRMED;
import static io.orderflow.contracts.order.OrderStatus.DELIVERED;
import static io.orderflow.contracts.order.OrderStatus.PENDING;
import static io.orderflow.contracts.order.OrderStatus.SHIPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.ChargeNotKept;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderLineRules;
import io.orderflow.contracts.order.OrderLineRules.RepeatedProduct;
import io.orderflow.contracts.order.OrderPaymentRefunded;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderRefundRequested;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.PaymentApproved;
import io.orderflow.contracts.order.PaymentDeclined;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.RecordPaymentApprovedCommand;
import io.orderflow.contracts.order.RecordPaymentDeclinedCommand;
import io.orderflow.contracts.order.RecordPaymentRefundedCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One order and its state machine:
 * <pre>
 * PENDING ─▶ AWAITING_PAYMENT ─▶ CONFIRMED ─▶ SHIPPED ─▶ DELIVERED
 *    └────────────┴──────────────────┴─▶ CANCELLED
 * </pre>
 * The order records facts; the order process (the saga) decides what follows, and asks for charges, voids
 * and refunds itself. The approval of the payment the order awaits is what confirms it. Repeating a step
 * that already happened applies no event. Only the customer may cancel a confirmed order; a system reason
 * (a decline, a timeout) arriving after the confirmation changes nothing, since the confirmation won.
 * <p>
 * Payment results arrive at least once, late, duplicated or out of order: a result that is already
 * recorded changes nothing, a charge the order does not keep is recorded as such, and a result that
 * arrives before the order recorded that it awaits the payment is refused as early, to be tried again.
 * Every event names the order's customer in its metadata under {@value MetadataKeys#CUSTOMER_ID}.
 */
@Aggregate(cache = "orderCache")
class Order {

    @AggregateIdentifier
    private OrderId orderId;
    private CustomerId customerId;
    private OrderStatus status;
    private Money total;
    /** The payment the order awaits, or awaited. */
    private PaymentId paymentId;
    private boolean paymentDeclined;
    /** Payments known to be charged, kept or not. */
    private Set<PaymentId> charges = new HashSet<>();
    private Set<PaymentId> refundsRequested = new HashSet<>();
    private Set<PaymentId> refunds = new HashSet<>();

    Order() {
        // Axon rebuilds an order from its events, starting from this constructor.
    }

    @CommandHandler
    Order(PlaceOrderCommand command, TaxPolicy taxPolicy) {
        refuseOrderWithoutLines(command);
        refuseLinesWithoutQuantity(command);
        refuseNegativePrices(command);
        refuseProductOnTwoLines(command);
        refuseMixedCurrencies(command);

        Money subtotal = subtotalOf(command.lines());
        Money tax = taxPolicy.taxOn(subtotal);
        applyFor(command.customerId(), new OrderPlaced(
                command.orderId(),
                command.customerId(),
                command.lines(),
                command.shippingAddress(),
                subtotal,
                tax,
                subtotal.plus(tax)));
    }

    /** A cancellation that raced ahead is left for the process to see: the order does not await payment any more. */
    @CommandHandler
    void awaitPayment(MarkOrderAwaitingPaymentCommand command) {
        if (isAwaiting(command.paymentId()) || status == CANCELLED) {
            return;
        }
        refuseUnlessIn(PENDING, "await payment " + command.paymentId());
        applyFor(customerId, new OrderAwaitingPayment(orderId, command.paymentId(), total));
    }

    @CommandHandler
    void recordApproval(RecordPaymentApprovedCommand command) {
        PaymentId charged = command.paymentId();
        refuseWithoutPaymentId(charged, "record an approval");
        if (charges.contains(charged) || isRefunded(charged)) {
            return;
        }
        refuseResultBeforePaymentWasAskedFor(charged);
        if (isUndecided(charged)) {
            applyFor(customerId, new OrderConfirmed(orderId));
        } else {
            applyFor(customerId, new ChargeNotKept(orderId, charged, total));
        }
    }

    @CommandHandler
    void recordDecline(RecordPaymentDeclinedCommand command) {
        refuseWithoutPaymentId(command.paymentId(), "record a decline");
        refuseResultBeforePaymentWasAskedFor(command.paymentId());
        if (!isUndecided(command.paymentId())) {
            return;
        }
        applyFor(customerId, new PaymentDeclined(orderId, command.paymentId(), command.reason()));
    }

    @CommandHandler
    void recordRefund(RecordPaymentRefundedCommand command) {
        refuseWithoutPaymentId(command.paymentId(), "record a refund");
        refuseRefundWithoutAmount(command);
        if (refunds.contains(command.paymentId())) {
            return;
        }
        // Recorded even when never requested: the money moved at the provider, and the ledger must show it.
        applyFor(customerId, new OrderPaymentRefunded(orderId, command.paymentId(), command.amount()));
    }

    /** The process gives the order back what it holds (stock, the payment) once it sees the cancellation. */
    @CommandHandler
    void cancel(CancelOrderCommand command) {
        if (status == CANCELLED || isConfirmationThatWonAgainst(command.reason())) {
            return;
        }
        refuseUnlessCancellableFor(command.reason());
        applyFor(customerId, new OrderCancelled(orderId, command.reason(), command.detail(), status));
    }

    @CommandHandler
    void ship(ShipOrderCommand command) {
        if (status == SHIPPED) {
            return;
        }
        refuseUnlessIn(CONFIRMED, "be shipped");
        applyFor(customerId, new OrderShipped(orderId));
    }

    @CommandHandler
    void deliver(DeliverOrderCommand command) {
        if (status == DELIVERED) {
            return;
        }
        refuseUnlessIn(SHIPPED, "be delivered");
        applyFor(customerId, new OrderDelivered(orderId));
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        customerId = event.customerId();
        status = PENDING;
        total = event.total();
    }

    @EventSourcingHandler
    void on(OrderAwaitingPayment event) {
        status = AWAITING_PAYMENT;
        paymentId = event.paymentId();
    }

    /** Recorded by earlier versions, for the approval of the awaited payment, before the order's confirmation. */
    @EventSourcingHandler
    void on(PaymentApproved event) {
        charges.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(ChargeNotKept event) {
        charges.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        paymentDeclined = true;
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = CONFIRMED;
        // the approval of the awaited payment (events of earlier versions recorded a PaymentApproved before it)
        charges.add(paymentId);
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = CANCELLED;
    }

    /** Recorded by earlier versions, which requested refunds from the order. */
    @EventSourcingHandler
    void on(OrderRefundRequested event) {
        refundsRequested.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(OrderPaymentRefunded event) {
        refunds.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        status = SHIPPED;
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        status = DELIVERED;
    }

    // Rules for placing an order

    private static void refuseOrderWithoutLines(PlaceOrderCommand command) {
        if (command.lines().isEmpty()) {
            throw notPlaceable(command, EMPTY_ORDER, "it has no lines");
        }
    }

    private static void refuseLinesWithoutQuantity(PlaceOrderCommand command) {
        for (OrderLine line : command.lines()) {
            if (line.quantity() < 1) {
                throw notPlaceable(command, INVALID_QUANTITY,
                        "product " + line.productId() + " has quantity " + line.quantity() + ", at least 1 is needed");
            }
        }
    }

    private static void refuseNegativePrices(PlaceOrderCommand command) {
        for (OrderLine line : command.lines()) {
            if (line.unitPrice() == null || line.unitPrice().isNegative()) {
                throw notPlaceable(command, INVALID_PRICE,
                        "product " + line.productId() + " has unit price " + line.unitPrice());
            }
        }
    }

    private static void refuseProductOnTwoLines(PlaceOrderCommand command) {
        List<RepeatedProduct> repeats = OrderLineRules.repeatedProducts(command.lines(), OrderLine::productId);
        if (!repeats.isEmpty()) {
            throw notPlaceable(command, OrderLineRules.EACH_PRODUCT_ONCE,
                    "product " + command.lines().get(repeats.get(0).line()).productId() + " is on more than one line");
        }
    }

    private static void refuseMixedCurrencies(PlaceOrderCommand command) {
        Set<String> currencies = OrderLineRules.mixedCurrencies(command.lines(), line -> line.unitPrice().currency());
        if (!currencies.isEmpty()) {
            throw notPlaceable(command, OrderLineRules.ONE_CURRENCY, "its lines are priced in " + currencies);
        }
    }

    private static Money subtotalOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
    }

    private static BusinessRuleViolation notPlaceable(PlaceOrderCommand command, ErrorCode code, String why) {
        return new BusinessRuleViolation(code, "Order " + command.orderId() + " cannot be placed: " + why);
    }

    // Rules for moving a placed order on

    private boolean isAwaiting(PaymentId payment) {
        return status == AWAITING_PAYMENT && paymentId.equals(payment);
    }

    private void refuseUnlessIn(OrderStatus required, String action) {
        if (status == required) {
            return;
        }
        // the process tells a cancelled order apart from a step out of order
        throw refusal(status == CANCELLED ? ORDER_ALREADY_CANCELLED : ILLEGAL_ORDER_TRANSITION, action);
    }

    private void refuseUnlessCancellableFor(CancellationReason reason) {
        if (reason == null) {
            throw refusal(VALIDATION_FAILED, "be cancelled without a reason");
        }
        if (status == SHIPPED || status == DELIVERED) {
            throw refusal(ORDER_ALREADY_SHIPPED, "be cancelled");
        }
    }

    /**
     * A confirmed order is paid for: a timeout or a decline that the process decided on before it saw the
     * approval must not undo it. The process sees the confirmation next and goes on from there. Out of stock
     * does cancel a confirmed order: its reservation expired before the approval, and the units are gone.
     */
    private boolean isConfirmationThatWonAgainst(CancellationReason reason) {
        return status == CONFIRMED
                && (reason == CancellationReason.PAYMENT_TIMEOUT || reason == CancellationReason.PAYMENT_DECLINED);
    }

    // Rules for payment results, which may come late, twice or out of order

    private boolean isUndecided(PaymentId payment) {
        return isAwaiting(payment) && !charges.contains(payment) && !paymentDeclined;
    }

    private boolean isRefunded(PaymentId payment) {
        return refundsRequested.contains(payment) || refunds.contains(payment);
    }

    private void refuseWithoutPaymentId(PaymentId payment, String action) {
        if (payment == null) {
            throw refusal(VALIDATION_FAILED, action + " without a payment id");
        }
    }

    /**
     * The process asks for the charge just before it records that the order awaits it, so a fast answer can
     * overtake that record: refused as early, and delivered again by the results consumer.
     */
    private void refuseResultBeforePaymentWasAskedFor(PaymentId payment) {
        if (status == PENDING) {
            throw refusal(PAYMENT_RESULT_AHEAD_OF_ORDER, "record a result of payment " + payment + " it does not await yet");
        }
    }

    private void refuseRefundWithoutAmount(RecordPaymentRefundedCommand command) {
        if (command.amount() == null) {
            throw refusal(VALIDATION_FAILED, "record a refund of payment " + command.paymentId() + " without an amount");
        }
    }

    private BusinessRuleViolation refusal(ErrorCode code, String action) {
        return new BusinessRuleViolation(code, "Order " + orderId + " is " + status + " and cannot " + action);
    }

    /** Every event of the order, its placement included, names the order's customer in its metadata. */
    private static void applyFor(CustomerId customer, Object event) {
        apply(event, MetaData.with(MetadataKeys.CUSTOMER_ID, customer.value()));
    }
}

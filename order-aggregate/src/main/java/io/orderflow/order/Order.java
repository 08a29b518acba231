package io.orderflow.order;

import static io.orderflow.contracts.common.ErrorCode.CURRENCY_MISMATCH;
import static io.orderflow.contracts.common.ErrorCode.DUPLICATE_PRODUCT_IN_ORDER;
import static io.orderflow.contracts.common.ErrorCode.EMPTY_ORDER;
import static io.orderflow.contracts.common.ErrorCode.ILLEGAL_ORDER_TRANSITION;
import static io.orderflow.contracts.common.ErrorCode.INVALID_PRICE;
import static io.orderflow.contracts.common.ErrorCode.INVALID_QUANTITY;
import static io.orderflow.contracts.common.ErrorCode.ORDER_ALREADY_CANCELLED;
import static io.orderflow.contracts.common.ErrorCode.ORDER_ALREADY_SHIPPED;
import static io.orderflow.contracts.common.ErrorCode.VALIDATION_FAILED;
import static io.orderflow.contracts.order.OrderStatus.AWAITING_PAYMENT;
import static io.orderflow.contracts.order.OrderStatus.CANCELLED;
import static io.orderflow.contracts.order.OrderStatus.CONFIRMED;
import static io.orderflow.contracts.order.OrderStatus.DELIVERED;
import static io.orderflow.contracts.order.OrderStatus.PENDING;
import static io.orderflow.contracts.order.OrderStatus.SHIPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.ConfirmOrderCommand;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One order and its state machine:
 * <pre>
 * PENDING ─▶ AWAITING_PAYMENT ─▶ CONFIRMED ─▶ SHIPPED ─▶ DELIVERED
 *    └────────────┴──────────────────┴─▶ CANCELLED
 * </pre>
 * The payment saga may deliver a command twice; repeating a step that already happened applies no event.
 * Only the customer may cancel a confirmed order; the system's reasons apply until payment is confirmed.
 */
@Aggregate(cache = "orderCache")
class Order {

    @AggregateIdentifier
    private OrderId orderId;
    private OrderStatus status;
    private Money total;
    private PaymentId paymentId;

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
        apply(new OrderPlaced(
                command.orderId(),
                command.customerId(),
                command.lines(),
                command.shippingAddress(),
                subtotal,
                tax,
                subtotal.plus(tax)));
    }

    @CommandHandler
    void awaitPayment(MarkOrderAwaitingPaymentCommand command) {
        if (isAlreadyAwaiting(command.paymentId())) {
            return;
        }
        refuseUnlessIn(PENDING, "await payment " + command.paymentId());
        apply(new OrderAwaitingPayment(orderId, command.paymentId(), total));
    }

    @CommandHandler
    void confirm(ConfirmOrderCommand command) {
        if (status == CONFIRMED) {
            return;
        }
        refuseUnlessIn(AWAITING_PAYMENT, "be confirmed");
        apply(new OrderConfirmed(orderId));
    }

    @CommandHandler
    void cancel(CancelOrderCommand command) {
        if (status == CANCELLED) {
            return;
        }
        refuseUnlessCancellableFor(command.reason());
        apply(new OrderCancelled(orderId, command.reason(), command.detail(), status));
    }

    @CommandHandler
    void ship(ShipOrderCommand command) {
        if (status == SHIPPED) {
            return;
        }
        refuseUnlessIn(CONFIRMED, "be shipped");
        apply(new OrderShipped(orderId));
    }

    @CommandHandler
    void deliver(DeliverOrderCommand command) {
        if (status == DELIVERED) {
            return;
        }
        refuseUnlessIn(SHIPPED, "be delivered");
        apply(new OrderDelivered(orderId));
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        status = PENDING;
        total = event.total();
    }

    @EventSourcingHandler
    void on(OrderAwaitingPayment event) {
        status = AWAITING_PAYMENT;
        paymentId = event.paymentId();
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = CANCELLED;
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
        Set<ProductId> seen = new HashSet<>();
        for (OrderLine line : command.lines()) {
            if (!seen.add(line.productId())) {
                throw notPlaceable(command, DUPLICATE_PRODUCT_IN_ORDER,
                        "product " + line.productId() + " is on more than one line");
            }
        }
    }

    private static void refuseMixedCurrencies(PlaceOrderCommand command) {
        Set<String> currencies = command.lines().stream()
                .map(line -> line.unitPrice().currency())
                .collect(Collectors.toCollection(TreeSet::new));
        if (currencies.size() > 1) {
            throw notPlaceable(command, CURRENCY_MISMATCH, "its lines are priced in " + currencies);
        }
    }

    private static Money subtotalOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
    }

    private static BusinessRuleViolation notPlaceable(PlaceOrderCommand command, ErrorCode code, String why) {
        return new BusinessRuleViolation(code, "Order " + command.orderId() + " cannot be placed: " + why);
    }

    // Rules for moving a placed order on

    private boolean isAlreadyAwaiting(PaymentId requestedPayment) {
        return status == AWAITING_PAYMENT && paymentId.equals(requestedPayment);
    }

    private void refuseUnlessIn(OrderStatus required, String action) {
        if (status == required) {
            return;
        }
        // The saga tells a cancelled order apart: a payment that arrives after cancellation is refunded.
        throw refusal(status == CANCELLED ? ORDER_ALREADY_CANCELLED : ILLEGAL_ORDER_TRANSITION, action);
    }

    private void refuseUnlessCancellableFor(CancellationReason reason) {
        if (reason == null) {
            throw refusal(VALIDATION_FAILED, "be cancelled without a reason");
        }
        if (status == SHIPPED || status == DELIVERED) {
            throw refusal(ORDER_ALREADY_SHIPPED, "be cancelled");
        }
        // A confirmed order is paid for: a late out-of-stock, decline or timeout must not undo it.
        if (status == CONFIRMED && reason != CancellationReason.CUSTOMER_REQUEST) {
            throw refusal(ILLEGAL_ORDER_TRANSITION, "be cancelled for " + reason);
        }
    }

    private BusinessRuleViolation refusal(ErrorCode code, String action) {
        return new BusinessRuleViolation(code, "Order " + orderId + " is " + status + " and cannot " + action);
    }
}

package io.orderflow.order;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.ChargeNotKept;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPaymentRefunded;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderRefundRequested;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.PaymentApproved;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.ShippingAddress;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/** Test data for the Order aggregate: an ordinary two-line order in EUR, untaxed unless a test says otherwise. */
final class OrderFixtures {

    static final OrderId ORDER_ID = OrderId.of("order-1");
    static final PaymentId PAYMENT_ID = PaymentId.of("payment-1");
    static final PaymentId ANOTHER_PAYMENT_ID = PaymentId.of("payment-2");

    private OrderFixtures() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Money yen(String amount) {
        return Money.of(amount, "JPY");
    }

    static OrderLine aLine(String productId, int quantity, Money unitPrice) {
        return new OrderLine(ProductId.of(productId), "Product " + productId, quantity, unitPrice);
    }

    /** 2 × 12.50 + 1 × 5.00 = 30.00 EUR. */
    static List<OrderLine> twoLines() {
        return List.of(aLine("product-1", 2, eur("12.50")), aLine("product-2", 1, eur("5.00")));
    }

    static ShippingAddress aShippingAddress() {
        return new ShippingAddress("Ada Lovelace", "12 Analytical Row", null, "London", "N1 9GU", "GB");
    }

    static CustomerId aCustomer() {
        return CustomerId.of("customer-1");
    }

    static PlaceOrderCommand aPlaceOrderCommand(OrderId orderId) {
        return aPlaceOrderCommand(orderId, twoLines());
    }

    static PlaceOrderCommand aPlaceOrderCommand(OrderId orderId, List<OrderLine> lines) {
        return new PlaceOrderCommand(orderId, aCustomer(), lines, aShippingAddress());
    }

    /** The order of {@link #aPlaceOrderCommand(OrderId)} placed without tax. */
    static OrderPlaced anOrderPlaced(OrderId orderId) {
        return anOrderPlaced(orderId, twoLines(), eur("30.00"), eur("0.00"), eur("30.00"));
    }

    static OrderPlaced anOrderPlaced(OrderId orderId, List<OrderLine> lines, Money subtotal, Money tax, Money total) {
        return new OrderPlaced(orderId, aCustomer(), lines, aShippingAddress(), subtotal, tax, total);
    }

    static OrderAwaitingPayment anOrderAwaitingPayment(OrderId orderId) {
        return new OrderAwaitingPayment(orderId, PAYMENT_ID, eur("30.00"));
    }

    /** The events of an order of {@link #anOrderPlaced(OrderId)} that has come as far as {@code status}. */
    static List<Object> anOrderThatIs(OrderId orderId, OrderStatus status) {
        return switch (status) {
            case PENDING -> List.of(anOrderPlaced(orderId));
            case AWAITING_PAYMENT -> List.of(anOrderPlaced(orderId), anOrderAwaitingPayment(orderId));
            case CONFIRMED -> List.of(anOrderPlaced(orderId), anOrderAwaitingPayment(orderId),
                    new OrderConfirmed(orderId));
            case SHIPPED -> List.of(anOrderPlaced(orderId), anOrderAwaitingPayment(orderId),
                    new OrderConfirmed(orderId), new OrderShipped(orderId));
            case DELIVERED -> List.of(anOrderPlaced(orderId), anOrderAwaitingPayment(orderId),
                    new OrderConfirmed(orderId), new OrderShipped(orderId), new OrderDelivered(orderId));
            case CANCELLED -> List.of(anOrderPlaced(orderId),
                    new OrderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST, null, OrderStatus.PENDING));
        };
    }

    static PaymentApproved aPaymentApproved(OrderId orderId) {
        return new PaymentApproved(orderId, PAYMENT_ID, eur("30.00"));
    }

    /** A refund of the order's total, as earlier versions of the order requested it. */
    static OrderRefundRequested aRefundRequested(OrderId orderId, PaymentId paymentId) {
        return new OrderRefundRequested(orderId, paymentId, eur("30.00"));
    }

    static OrderPaymentRefunded aPaymentRefunded(OrderId orderId, PaymentId paymentId) {
        return new OrderPaymentRefunded(orderId, paymentId, eur("30.00"));
    }

    /** A charge the order does not keep, as it records one. */
    static ChargeNotKept aChargeNotKept(OrderId orderId, PaymentId paymentId) {
        return new ChargeNotKept(orderId, paymentId, eur("30.00"));
    }

    /** Timed out while waiting for {@link #PAYMENT_ID}, with no approval seen. */
    static List<Object> anOrderCancelledWhileAwaitingPayment(OrderId orderId) {
        return followedBy(anOrderThatIs(orderId, OrderStatus.AWAITING_PAYMENT),
                new OrderCancelled(orderId, CancellationReason.PAYMENT_TIMEOUT, null, OrderStatus.AWAITING_PAYMENT));
    }

    /** Paid with {@link #PAYMENT_ID}, then cancelled by its customer. */
    static List<Object> anOrderCancelledAfterConfirmation(OrderId orderId) {
        return followedBy(anOrderThatIs(orderId, OrderStatus.CONFIRMED),
                new OrderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST, null, OrderStatus.CONFIRMED));
    }

    static List<Object> followedBy(List<Object> history, Object... events) {
        List<Object> longer = new ArrayList<>(history);
        longer.addAll(List.of(events));
        return longer;
    }

    /**
     * {@code payload} as the order applies it: addressed to {@link #aCustomer()} under the metadata key that
     * downstream publishers read, spelled out here so that renaming it breaks a test.
     */
    static EventMessage<?> addressedToTheCustomer(Object payload) {
        return GenericEventMessage.asEventMessage(payload).andMetaData(MetaData.with("customerId", aCustomer().value()));
    }

    /** Matches a {@link BusinessRuleViolation} that carries {@code code}. */
    static Matcher<BusinessRuleViolation> refusedWith(ErrorCode code) {
        return new FeatureMatcher<>(Matchers.equalTo(code), "a BusinessRuleViolation with code", "code") {
            @Override
            protected ErrorCode featureValueOf(BusinessRuleViolation violation) {
                return violation.code();
            }
        };
    }
}

package io.orderflow.projections.order;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.ShippingAddress;
import java.util.List;

/** Order events for the order details tests; every order gets a fresh random id. */
final class OrderFixtures {

    static final CustomerId A_CUSTOMER = CustomerId.random();
    static final ShippingAddress AN_ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 St James's Square", null, "London", "SW1Y 4JH", "GB");

    private OrderFixtures() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Three lines, deliberately not in alphabetical order: 2 × 24.90 + 1 × 3.50 + 4 × 0.99, 19 % tax. */
    static OrderPlaced anOrderPlaced(OrderId orderId) {
        List<OrderLine> lines = List.of(
                new OrderLine(ProductId.of("teapot"), "Teapot", 2, eur("24.90")),
                new OrderLine(ProductId.of("green-tea"), "Green tea", 1, eur("3.50")),
                new OrderLine(ProductId.of("biscuit"), "Biscuit", 4, eur("0.99")));
        return new OrderPlaced(orderId, A_CUSTOMER, lines, AN_ADDRESS, eur("57.26"), eur("10.88"), eur("68.14"));
    }

    static OrderAwaitingPayment awaitingPayment(OrderId orderId) {
        return new OrderAwaitingPayment(orderId, PaymentId.random(), eur("68.14"));
    }

    static OrderConfirmed confirmed(OrderId orderId) {
        return new OrderConfirmed(orderId);
    }

    static OrderShipped shipped(OrderId orderId) {
        return new OrderShipped(orderId);
    }

    static OrderDelivered delivered(OrderId orderId) {
        return new OrderDelivered(orderId);
    }

    static OrderCancelled cancelledOutOfStock(OrderId orderId) {
        return new OrderCancelled(orderId, CancellationReason.OUT_OF_STOCK, "Teapot: 2 requested, 1 available",
                OrderStatus.PENDING);
    }

    static OrderCancelled cancelledByTheCustomer(OrderId orderId, OrderStatus previousStatus) {
        return new OrderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST, null, previousStatus);
    }
}

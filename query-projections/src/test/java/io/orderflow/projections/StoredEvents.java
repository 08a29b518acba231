package io.orderflow.projections;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.contracts.inventory.StockCommitted;
import io.orderflow.contracts.inventory.StockReleased;
import io.orderflow.contracts.inventory.StockReserved;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.PaymentApproved;
import io.orderflow.contracts.order.ShippingAddress;
import java.util.List;
import java.util.Map;

/**
 * Whole order and product histories for the tests that go through the event store: an order that is
 * confirmed, one cancelled for lack of payment, a product reserved and committed. Order events carry the
 * customer id in their metadata, as the Order aggregate writes them.
 */
public final class StoredEvents {

    public static final String ORDER = "Order";
    public static final String INVENTORY = "Inventory";

    private StoredEvents() {
    }

    public static Map<String, String> metaDataOf(CustomerId customerId) {
        return Map.of("customerId", customerId.value(), "traceId", "trace-" + customerId.value());
    }

    public static OrderPlaced placed(OrderId orderId, CustomerId customerId, ProductId productId, int quantity) {
        Money price = Money.of("12.50", "EUR");
        Money subtotal = price.times(quantity);
        return new OrderPlaced(orderId, customerId,
                List.of(new OrderLine(productId, "Kettle " + productId.value().substring(0, 4), quantity, price)),
                new ShippingAddress("Ada Lovelace", "12 Analytical St", null, "London", "N1 9GU", "GB"),
                subtotal, Money.zero("EUR"), subtotal);
    }

    public static Object[] aConfirmedOrder(OrderId orderId, CustomerId customerId, ProductId productId) {
        PaymentId paymentId = PaymentId.forOrder(orderId);
        Money total = Money.of("25.00", "EUR");
        return new Object[] {
                placed(orderId, customerId, productId, 2),
                new OrderAwaitingPayment(orderId, paymentId, total),
                new PaymentApproved(orderId, paymentId, total),
                new OrderConfirmed(orderId)};
    }

    public static Object[] anOrderCancelledForPayment(OrderId orderId, CustomerId customerId, ProductId productId) {
        return new Object[] {
                placed(orderId, customerId, productId, 1),
                new OrderAwaitingPayment(orderId, PaymentId.forOrder(orderId), Money.of("12.50", "EUR")),
                new OrderCancelled(orderId, CancellationReason.PAYMENT_TIMEOUT, "no answer from the provider",
                        OrderStatus.AWAITING_PAYMENT)};
    }

    public static Object[] aProductWithTrade(ProductId productId, OrderId committedOrder, OrderId releasedOrder) {
        return new Object[] {
                new ProductAdded(productId, "Kettle " + productId.value().substring(0, 4), Money.of("12.50", "EUR"), 10),
                new StockReserved(productId, committedOrder, 2),
                new StockReserved(productId, releasedOrder, 1),
                new StockCommitted(productId, committedOrder, 2),
                new StockReleased(productId, releasedOrder, 1)};
    }
}

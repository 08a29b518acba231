package io.orderflow.saga;

import io.orderflow.contracts.common.CustomerId;
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
import io.orderflow.contracts.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.ChargeNotKept;
import io.orderflow.contracts.order.PaymentDeclined;
import io.orderflow.contracts.order.ShippingAddress;
import io.orderflow.contracts.payment.ChargePaymentCommand;
import io.orderflow.contracts.payment.RefundPaymentCommand;
import io.orderflow.contracts.payment.VoidPaymentCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/**
 * Test data for the order saga: one order, either of one line or of three lines whose products come
 * out of product-id order ({@link #PRODUCT_3}, {@link #PRODUCT_1}, {@link #PRODUCT_2}), and the
 * messages about it. The saga's commands go to the fixture's recording command bus.
 */
final class OrderSagaFixtures {

    static final OrderId ORDER = OrderId.of("order-1");
    /** Derived from the order id, never random. */
    static final PaymentId PAYMENT = PaymentId.of("order-1:payment");
    static final ProductId PRODUCT_1 = ProductId.of("product-1");
    static final ProductId PRODUCT_2 = ProductId.of("product-2");
    static final ProductId PRODUCT_3 = ProductId.of("product-3");
    private static final Map<ProductId, Integer> QUANTITIES = Map.of(PRODUCT_1, 2, PRODUCT_2, 1, PRODUCT_3, 3);

    static final Duration PAYMENT_WAIT = Duration.ofSeconds(30);

    private OrderSagaFixtures() {
    }

    static SagaTestFixture<OrderSaga> anOrderSagaFixture() {
        return anOrderSagaFixture(new OrderSagaSettings(PAYMENT_WAIT));
    }

    static SagaTestFixture<OrderSaga> anOrderSagaFixture(OrderSagaSettings settings) {
        return anOrderSagaFixture(settings, PaymentChannel.ALWAYS_OPEN);
    }

    static SagaTestFixture<OrderSaga> anOrderSagaFixture(OrderSagaSettings settings, PaymentChannel channel) {
        SagaTestFixture<OrderSaga> fixture = new SagaTestFixture<>(OrderSaga.class);
        fixture.registerResource(settings);
        fixture.registerResource(channel);
        fixture.registerResource(new SagaCommands(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build()));
        return fixture;
    }

    /** A payment channel that a test closes and opens again; open for ever until then. */
    static final class TogglePaymentChannel implements PaymentChannel {

        /** How long the channel has been open; null while it is down. */
        private Duration openFor = Duration.ofDays(1);

        void down() {
            openFor = null;
        }

        void openedAgo(Duration ago) {
            openFor = ago;
        }

        @Override
        public Duration stillOwed(Duration window) {
            if (openFor == null) {
                return window;
            }
            return openFor.compareTo(window) >= 0 ? Duration.ZERO : window.minus(openFor);
        }
    }

    static int quantityOf(ProductId product) {
        return QUANTITIES.get(product);
    }

    // ---- Orders and how far they have come

    /** Product 1, two units. */
    static OrderPlaced aOneLineOrderPlaced() {
        return anOrderPlaced(List.of(PRODUCT_1));
    }

    /** Products 3, 1 and 2, in that order: the saga reserves them as 1, 2, 3. */
    static OrderPlaced aThreeLineOrderPlaced() {
        return anOrderPlaced(List.of(PRODUCT_3, PRODUCT_1, PRODUCT_2));
    }

    private static OrderPlaced anOrderPlaced(List<ProductId> products) {
        List<OrderLine> lines = products.stream()
                .map(product -> new OrderLine(product, "Product " + product, quantityOf(product), eur("10.00")))
                .toList();
        Money total = lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        return new OrderPlaced(ORDER, CustomerId.of("customer-1"), lines,
                new ShippingAddress("Ada Lovelace", "12 Analytical Row", null, "London", "N1 9GU", "GB"),
                total, eur("0.00"), total);
    }

    /** How far an order has come in the happy path. */
    enum Stage { PLACED, RESERVED, CONFIRMED }

    /** The events the saga has seen when {@code order} has come as far as {@code stage}. */
    static List<Object> historyUntil(Stage stage, OrderPlaced order) {
        List<Object> history = new ArrayList<>();
        history.add(order);
        if (stage.compareTo(Stage.RESERVED) >= 0) {
            productsOf(order).forEach(product -> history.add(stockReserved(product)));
        }
        if (stage.compareTo(Stage.CONFIRMED) >= 0) {
            history.add(orderConfirmed());
        }
        return history;
    }

    /** Publishes {@code history} to the saga, one event after another. */
    static ContinuedGivenState given(SagaTestFixture<OrderSaga> fixture, List<?> history) {
        ContinuedGivenState state = fixture.givenAPublished(history.get(0));
        for (Object event : history.subList(1, history.size())) {
            state = state.andThenAPublished(event);
        }
        return state;
    }

    /** The products of {@code order} in product-id order, the order in which the saga works through them. */
    static List<ProductId> productsOf(OrderPlaced order) {
        return order.lines().stream()
                .map(OrderLine::productId)
                .sorted((a, b) -> a.value().compareTo(b.value()))
                .toList();
    }

    // ---- Inventory messages

    static ReserveStockCommand reserveStock(ProductId product) {
        return new ReserveStockCommand(product, ORDER, quantityOf(product));
    }

    static StockReserved stockReserved(ProductId product) {
        return new StockReserved(product, ORDER, quantityOf(product));
    }

    static StockReservationRejected stockRejected(ProductId product, int available) {
        return new StockReservationRejected(product, ORDER, quantityOf(product), available);
    }

    static StockReservationExpired reservationExpired(ProductId product) {
        return new StockReservationExpired(product, ORDER, quantityOf(product));
    }

    static ReleaseStockCommand releaseStock(ProductId product) {
        return new ReleaseStockCommand(product, ORDER);
    }

    static CommitStockCommand commitStock(ProductId product) {
        return new CommitStockCommand(product, ORDER);
    }

    static ReturnStockCommand returnStock(ProductId product) {
        return new ReturnStockCommand(product, ORDER, quantityOf(product));
    }

    // ---- Order messages

    static MarkOrderAwaitingPaymentCommand markAwaitingPayment() {
        return new MarkOrderAwaitingPaymentCommand(ORDER, PAYMENT);
    }

    // ---- The payment leg

    static ChargePaymentCommand chargePayment(OrderPlaced order) {
        return new ChargePaymentCommand(PAYMENT, ORDER, order.total());
    }

    static VoidPaymentCommand voidPayment(OrderPlaced order) {
        return new VoidPaymentCommand(PAYMENT, ORDER, order.total());
    }

    static RefundPaymentCommand refundPayment(OrderPlaced order) {
        return new RefundPaymentCommand(PAYMENT, ORDER, order.total());
    }

    static ChargeNotKept chargeNotKept(PaymentId payment, Money amount) {
        return new ChargeNotKept(ORDER, payment, amount);
    }

    static PaymentDeclined paymentDeclined(String reason) {
        return new PaymentDeclined(ORDER, PAYMENT, reason);
    }

    static OrderConfirmed orderConfirmed() {
        return new OrderConfirmed(ORDER);
    }

    static OrderShipped orderShipped() {
        return new OrderShipped(ORDER);
    }

    static CancelOrderCommand cancelOrder(CancellationReason reason, String detail) {
        return new CancelOrderCommand(ORDER, reason, detail);
    }

    static OrderCancelled orderCancelled(CancellationReason reason, String detail, OrderStatus previousStatus) {
        return new OrderCancelled(ORDER, reason, detail, previousStatus);
    }

    static OrderCancelled cancelledByCustomer(OrderStatus previousStatus) {
        return orderCancelled(CancellationReason.CUSTOMER_REQUEST, null, previousStatus);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    // ---- Matchers

    /** Matches a deadline by its name; {@code expectNoScheduledDeadlineMatching} then checks every scheduled time. */
    static Matcher<DeadlineMessage<?>> aDeadlineNamed(String name) {
        return new FeatureMatcher<DeadlineMessage<?>, String>(Matchers.equalTo(name), "a deadline named", "name") {
            @Override
            protected String featureValueOf(DeadlineMessage<?> deadline) {
                return deadline.getDeadlineName();
            }
        };
    }
}

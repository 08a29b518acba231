package io.orderflow.projections.order;

import static io.orderflow.projections.DomainEventDelivery.timeOf;
import static io.orderflow.projections.order.OrderFixtures.anOrderPlaced;
import static io.orderflow.projections.order.OrderFixtures.awaitingPayment;
import static io.orderflow.projections.order.OrderFixtures.cancelledByTheCustomer;
import static io.orderflow.projections.order.OrderFixtures.cancelledOutOfStock;
import static io.orderflow.projections.order.OrderFixtures.confirmed;
import static io.orderflow.projections.order.OrderFixtures.delivered;
import static io.orderflow.projections.order.OrderFixtures.eur;
import static io.orderflow.projections.order.OrderFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.FindOrderHistoryQuery;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.OrderHistoryView;
import io.orderflow.contracts.order.OrderPaymentRefunded;
import io.orderflow.contracts.order.OrderRefundRequested;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderStatusChangeView;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.contracts.order.PaymentApproved;
import io.orderflow.contracts.order.PaymentDeclined;
import io.orderflow.contracts.order.PaymentVoidRequested;
import io.orderflow.projections.DomainEventDelivery;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

/** The status history of an order: one entry per status change, with its time and the event that caused it. */
@SpringBootTest
class OrderStatusHistoryTest {

    @Autowired OrderDetailsProjection projection;
    @Autowired OrderDetailsQueries queries;
    @Autowired PlatformTransactionManager transactionManager;

    DomainEventDelivery orders;
    final OrderId orderId = OrderId.random();

    @BeforeEach
    void connectTheProjection() {
        orders = new DomainEventDelivery("Order", projection, queries, transactionManager);
    }

    @Test
    void recordsEveryStatusOfADeliveredOrderWithTheEventThatCausedIt() {
        String placedEvent = orders.deliver(orderId, 0, anOrderPlaced(orderId));
        orders.deliver(orderId, 1, awaitingPayment(orderId));
        orders.deliver(orderId, 2, confirmed(orderId));
        orders.deliver(orderId, 3, shipped(orderId));
        String deliveredEvent = orders.deliver(orderId, 4, delivered(orderId));

        OrderHistoryView history = history(orderId);

        assertThat(history.orderId()).isEqualTo(orderId.value());
        assertThat(history.changes()).extracting(OrderStatusChangeView::status).containsExactly(
                OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.CONFIRMED, OrderStatus.SHIPPED,
                OrderStatus.DELIVERED);
        assertThat(history.changes()).extracting(OrderStatusChangeView::previousStatus).containsExactly(
                null, OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.CONFIRMED, OrderStatus.SHIPPED);
        assertThat(history.changes()).extracting(OrderStatusChangeView::event).containsExactly(
                "OrderPlaced", "OrderAwaitingPayment", "OrderConfirmed", "OrderShipped", "OrderDelivered");
        assertThat(history.changes()).extracting(OrderStatusChangeView::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(history.changes()).extracting(OrderStatusChangeView::at)
                .containsExactly(timeOf(0), timeOf(1), timeOf(2), timeOf(3), timeOf(4));
        assertThat(history.changes().get(0).eventId()).isEqualTo(placedEvent);
        assertThat(history.changes().get(4).eventId()).isEqualTo(deliveredEvent);
    }

    @Test
    void recordsACancellationWithItsReasonAndDetail() {
        orders.deliver(orderId, 0, anOrderPlaced(orderId));
        orders.deliver(orderId, 1, cancelledOutOfStock(orderId));

        OrderStatusChangeView cancellation = history(orderId).changes().get(1);

        assertThat(cancellation.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancellation.previousStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(cancellation.event()).isEqualTo("OrderCancelled");
        assertThat(cancellation.cancellationReason()).isEqualTo(CancellationReason.OUT_OF_STOCK);
        assertThat(cancellation.cancellationDetail()).isEqualTo("Teapot: 2 requested, 1 available");
        assertThat(history(orderId).changes().get(0).cancellationReason()).isNull();
    }

    @Test
    void recordsAConfirmedOrderCancelledByItsCustomer() {
        orders.deliver(orderId, 0, anOrderPlaced(orderId));
        orders.deliver(orderId, 1, awaitingPayment(orderId));
        orders.deliver(orderId, 2, confirmed(orderId));
        orders.deliver(orderId, 3, cancelledByTheCustomer(orderId, OrderStatus.CONFIRMED));

        assertThat(history(orderId).changes()).extracting(OrderStatusChangeView::status).containsExactly(
                OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.CONFIRMED, OrderStatus.CANCELLED);
    }

    @Test
    void aRedeliveredEventAddsNoSecondEntry() {
        orders.deliver(orderId, 0, anOrderPlaced(orderId));
        orders.deliver(orderId, 1, awaitingPayment(orderId));
        orders.deliver(orderId, 1, awaitingPayment(orderId));
        orders.deliver(orderId, 0, anOrderPlaced(orderId));

        assertThat(history(orderId).changes()).extracting(OrderStatusChangeView::sequence).containsExactly(0L, 1L);
    }

    @Test
    void anEventOlderThanTheLastAppliedAddsNoEntry() {
        orders.deliver(orderId, 0, anOrderPlaced(orderId));
        orders.deliver(orderId, 3, cancelledByTheCustomer(orderId, OrderStatus.CONFIRMED));
        orders.deliver(orderId, 2, confirmed(orderId));

        assertThat(history(orderId).changes()).extracting(OrderStatusChangeView::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CANCELLED);
    }

    @Test
    void knowsNoHistoryOfAnUnknownOrder() {
        orders.deliver(orderId, 1, awaitingPayment(orderId));

        assertThat(history(orderId)).isNull();
    }

    static Stream<Object> paymentEventsThatChangeNoStatus() {
        OrderId any = OrderId.random();
        PaymentId payment = PaymentId.forOrder(any);
        return Stream.of(
                new PaymentApproved(any, payment, eur("68.14")),
                new PaymentDeclined(any, payment, "card expired"),
                new OrderRefundRequested(any, payment, eur("68.14")),
                new OrderPaymentRefunded(any, payment, eur("68.14")),
                new PaymentVoidRequested(any, payment, eur("68.14")));
    }

    /** The order aggregate's payment events change neither the order's view nor its history: no handler. */
    @ParameterizedTest
    @MethodSource("paymentEventsThatChangeNoStatus")
    void ignoresPaymentEvents(Object paymentEvent) {
        orders.deliver(orderId, 0, anOrderPlaced(orderId));
        OrderView before = order(orderId);

        orders.deliver(orderId, 1, paymentEvent);

        assertThat(orders.handles(paymentEvent)).isFalse();
        assertThat(order(orderId)).isEqualTo(before);
        assertThat(history(orderId).changes()).hasSize(1);
    }

    private OrderHistoryView history(OrderId id) {
        return orders.query(new FindOrderHistoryQuery(id), ResponseTypes.instanceOf(OrderHistoryView.class));
    }

    private OrderView order(OrderId id) {
        return orders.query(new FindOrderQuery(id), ResponseTypes.instanceOf(OrderView.class));
    }
}

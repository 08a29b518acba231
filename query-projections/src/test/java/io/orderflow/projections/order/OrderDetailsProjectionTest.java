package io.orderflow.projections.order;

import static io.orderflow.projections.DomainEventDelivery.timeOf;
import static io.orderflow.projections.order.OrderFixtures.A_CUSTOMER;
import static io.orderflow.projections.order.OrderFixtures.anOrderPlaced;
import static io.orderflow.projections.order.OrderFixtures.awaitingPayment;
import static io.orderflow.projections.order.OrderFixtures.cancelledByTheCustomer;
import static io.orderflow.projections.order.OrderFixtures.cancelledOutOfStock;
import static io.orderflow.projections.order.OrderFixtures.confirmed;
import static io.orderflow.projections.order.OrderFixtures.delivered;
import static io.orderflow.projections.order.OrderFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.OrderLineView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.projections.DomainEventDelivery;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
class OrderDetailsProjectionTest {

    @Autowired
    OrderDetailsProjection projection;
    @Autowired
    OrderDetailsQueries queries;
    @Autowired
    PlatformTransactionManager transactionManager;

    DomainEventDelivery orders;
    final OrderId orderId = OrderId.random();

    @BeforeEach
    void connectTheProjection() {
        orders = new DomainEventDelivery("Order", projection, queries, transactionManager);
    }

    @Nested
    class FollowingTheOrder {

        @Test
        void showsAPlacedOrderPendingWithItsLinesInOrderAndItsTotals() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));

            assertThat(order(orderId)).isEqualTo(new OrderView(
                    orderId.value(), A_CUSTOMER.value(), OrderStatus.PENDING, null, null,
                    List.of(new OrderLineView("teapot", "Teapot", 2, new BigDecimal("24.90"), new BigDecimal("49.80")),
                            new OrderLineView("green-tea", "Green tea", 1, new BigDecimal("3.50"), new BigDecimal("3.50")),
                            new OrderLineView("biscuit", "Biscuit", 4, new BigDecimal("0.99"), new BigDecimal("3.96"))),
                    new BigDecimal("57.26"), new BigDecimal("10.88"), new BigDecimal("68.14"), "EUR",
                    timeOf(0), timeOf(0)));
        }

        @Test
        void showsAnOrderAwaitingPaymentSinceTheTimeOfTheEvent() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));

            OrderView order = order(orderId);
            assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
            assertThat(order.createdAt()).isEqualTo(timeOf(0));
            assertThat(order.updatedAt()).isEqualTo(timeOf(1));
        }

        @Test
        void showsAConfirmedOrder() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));
            orders.deliver(orderId, 2, confirmed(orderId));

            assertThat(order(orderId).status()).isEqualTo(OrderStatus.CONFIRMED);
        }

        @Test
        void showsAShippedOrder() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));
            orders.deliver(orderId, 2, confirmed(orderId));
            orders.deliver(orderId, 3, shipped(orderId));

            assertThat(order(orderId).status()).isEqualTo(OrderStatus.SHIPPED);
        }

        @Test
        void showsADeliveredOrder() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));
            orders.deliver(orderId, 2, confirmed(orderId));
            orders.deliver(orderId, 3, shipped(orderId));
            orders.deliver(orderId, 4, delivered(orderId));

            OrderView order = order(orderId);
            assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(order.updatedAt()).isEqualTo(timeOf(4));
        }

        @Test
        void showsACancelledOrderWithItsReasonAndDetail() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, cancelledOutOfStock(orderId));

            OrderView order = order(orderId);
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.cancellationReason()).isEqualTo(CancellationReason.OUT_OF_STOCK);
            assertThat(order.cancellationDetail()).isEqualTo("Teapot: 2 requested, 1 available");
            assertThat(order.updatedAt()).isEqualTo(timeOf(1));
        }

        @Test
        void showsACancellationWithoutDetail() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));
            orders.deliver(orderId, 2, cancelledByTheCustomer(orderId, OrderStatus.AWAITING_PAYMENT));

            OrderView order = order(orderId);
            assertThat(order.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
            assertThat(order.cancellationDetail()).isNull();
        }
    }

    @Nested
    class ReceivingAnEventAgain {

        @Test
        void aRedeliveredOrderPlacedKeepsTheStatusAndTheLinesAsTheyAre() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));
            orders.deliver(orderId, 0, anOrderPlaced(orderId));

            OrderView order = order(orderId);
            assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
            assertThat(order.lines()).hasSize(3);
        }

        @Test
        void appliesARedeliveredEventOnce() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));
            orders.deliver(orderId, 2, confirmed(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));

            OrderView order = order(orderId);
            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(order.updatedAt()).isEqualTo(timeOf(2));
        }

        @Test
        void ignoresAnEventOlderThanTheLastOneApplied() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 3, cancelledByTheCustomer(orderId, OrderStatus.CONFIRMED));
            orders.deliver(orderId, 2, confirmed(orderId));

            assertThat(order(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
        }

        @Test
        void rebuildsTheOrdersFromTheFirstEventAfterAReset() {
            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));

            orders.reset();
            assertThat(order(orderId)).isNull();

            orders.deliver(orderId, 0, anOrderPlaced(orderId));
            orders.deliver(orderId, 1, awaitingPayment(orderId));
            OrderView order = order(orderId);
            assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
            assertThat(order.lines()).hasSize(3);
        }
    }

    @Nested
    class AnsweringQueries {

        @Test
        void answersNullForAnUnknownOrder() {
            assertThat(order(OrderId.random())).isNull();
        }

        @Test
        void anEventOfAnUnknownOrderCreatesNoOrder() {
            orders.deliver(orderId, 1, awaitingPayment(orderId));

            assertThat(order(orderId)).isNull();
        }
    }

    private OrderView order(OrderId id) {
        return orders.query(new FindOrderQuery(id), ResponseTypes.instanceOf(OrderView.class));
    }
}

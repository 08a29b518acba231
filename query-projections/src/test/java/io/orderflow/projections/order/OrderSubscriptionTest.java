package io.orderflow.projections.order;

import static io.orderflow.projections.IsolatedProjections.eventually;
import static io.orderflow.projections.StoredEvents.ORDER;
import static io.orderflow.projections.StoredEvents.aConfirmedOrder;
import static io.orderflow.projections.StoredEvents.anOrderCancelledForPayment;
import static io.orderflow.projections.StoredEvents.metaDataOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.operations.FindReadModelRebuildQuery;
import io.orderflow.contracts.operations.ReadModelRebuildView;
import io.orderflow.contracts.operations.ReplayReadModelCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.CountOrdersQuery;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderCountsView;
import io.orderflow.contracts.order.OrderPageView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.platform.db.DatabaseProperties;
import io.orderflow.projections.IsolatedProjections;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Subscription queries on the order details, fed by the running processor once each change is committed. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderSubscriptionTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired JdbcTemplate sharedJdbc;
    @Autowired DatabaseProperties database;

    IsolatedProjections projections;
    final ProductId product = ProductId.random();

    @BeforeAll
    void start() {
        projections = IsolatedProjections.start(sharedJdbc, database);
    }

    @AfterAll
    void stop() {
        projections.close();
    }

    @Test
    void followsAnOrderFromItsFirstEventWithEveryChangeAsTheWholeOrder() {
        OrderId orderId = OrderId.random();
        CustomerId customer = CustomerId.random();
        SubscriptionQueryResult<OrderView, OrderView> following = queries().subscriptionQuery(new FindOrderQuery(orderId),
                ResponseTypes.instanceOf(OrderView.class), ResponseTypes.instanceOf(OrderView.class));
        try {
            assertThat(following.initialResult().blockOptional(WAIT)).isEmpty();

            projections.events().append(ORDER, orderId, metaDataOf(customer), aConfirmedOrder(orderId, customer, product));
            List<OrderView> updates = following.updates().take(3).collectList().block(WAIT);

            assertThat(updates).extracting(OrderView::status)
                    .containsExactly(OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.CONFIRMED);
            assertThat(updates).allSatisfy(order -> assertThat(order.lines()).hasSize(1));
            assertThat(updates.get(2)).isEqualTo(queries().query(new FindOrderQuery(orderId), OrderView.class).join());
        } finally {
            following.cancel();
        }
    }

    @Test
    void tellsOfAChangeOnlyOnceAnotherConnectionCanReadIt() {
        OrderId orderId = OrderId.random();
        CustomerId customer = CustomerId.random();
        SubscriptionQueryResult<OrderView, OrderView> following = queries().subscriptionQuery(new FindOrderQuery(orderId),
                ResponseTypes.instanceOf(OrderView.class), ResponseTypes.instanceOf(OrderView.class));
        try {
            following.initialResult().block(WAIT);
            // read as each update is delivered, on the thread that delivers it
            List<Map<String, Object>> readWhenTold = new CopyOnWriteArrayList<>();
            following.updates().subscribe(update -> readWhenTold.add(Objects.requireNonNullElse(
                    projections.committedRow("projections.order_view", "order_id", orderId.value()), Map.of())));

            projections.events().append(ORDER, orderId, metaDataOf(customer), aConfirmedOrder(orderId, customer, product));

            eventually(() -> readWhenTold, rows -> rows.size() == 3);
            assertThat(readWhenTold).allSatisfy(row -> assertThat(row).containsKey("status"));
        } finally {
            following.cancel();
        }
    }

    @Test
    void followsEveryOrderOfOneCustomer() {
        CustomerId customer = CustomerId.random();
        CustomerId someoneElse = CustomerId.random();
        OrderId first = OrderId.random();
        OrderId second = OrderId.random();
        SubscriptionQueryResult<OrderPageView, OrderView> following = follow(FindOrdersQuery.ofCustomer(customer, 20));
        try {
            assertThat(following.initialResult().block(WAIT).items()).isEmpty();

            projections.events().append(ORDER, first, metaDataOf(customer), aConfirmedOrder(first, customer, product));
            OrderId elsewhere = OrderId.random();
            projections.events().append(ORDER, elsewhere, metaDataOf(someoneElse), aConfirmedOrder(elsewhere, someoneElse, product));
            projections.events().append(ORDER, second, metaDataOf(customer), aConfirmedOrder(second, customer, product));
            List<OrderView> updates = following.updates().take(6).collectList().block(WAIT);

            assertThat(updates).extracting(OrderView::customerId).containsOnly(customer.value());
            assertThat(updates).filteredOn(order -> order.orderId().equals(first.value())).extracting(OrderView::status)
                    .containsExactly(OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.CONFIRMED);
            assertThat(updates).filteredOn(order -> order.orderId().equals(second.value())).hasSize(3);
        } finally {
            following.cancel();
        }
    }

    @Test
    void followsTheOrdersOfEveryCustomerWhenNoneIsNamed() {
        CustomerId one = CustomerId.random();
        CustomerId another = CustomerId.random();
        OrderId first = OrderId.random();
        OrderId second = OrderId.random();
        SubscriptionQueryResult<OrderPageView, OrderView> following = follow(FindOrdersQuery.newest(5));
        try {
            following.initialResult().block(WAIT);

            projections.events().append(ORDER, first, metaDataOf(one), aConfirmedOrder(first, one, product));
            projections.events().append(ORDER, second, metaDataOf(another), anOrderCancelledForPayment(second, another, product));
            List<OrderView> updates = following.updates()
                    .filter(order -> order.orderId().equals(first.value()) || order.orderId().equals(second.value()))
                    .take(6).collectList().block(WAIT);

            assertThat(updates).extracting(OrderView::customerId).contains(one.value(), another.value());
            assertThat(updates).filteredOn(order -> order.orderId().equals(second.value())).last()
                    .extracting(OrderView::cancellationReason).isEqualTo(CancellationReason.PAYMENT_TIMEOUT);
        } finally {
            following.cancel();
        }
    }

    @Test
    void countsOrdersByStatusAndByCancellationReason() {
        OrderCountsView before = queries().query(new CountOrdersQuery(), OrderCountsView.class).join();
        CustomerId customer = CustomerId.random();
        OrderId confirmed = OrderId.random();
        OrderId cancelled = OrderId.random();
        projections.events().append(ORDER, confirmed, metaDataOf(customer), aConfirmedOrder(confirmed, customer, product));
        projections.events().append(ORDER, cancelled, metaDataOf(customer), anOrderCancelledForPayment(cancelled, customer, product));
        awaitStatus(cancelled, OrderStatus.CANCELLED);
        awaitStatus(confirmed, OrderStatus.CONFIRMED);

        OrderCountsView after = queries().query(new CountOrdersQuery(), OrderCountsView.class).join();

        assertThat(after.total() - before.total()).isEqualTo(2);
        assertThat(after.byStatus()).containsOnlyKeys(OrderStatus.values());
        assertThat(after.byStatus().get(OrderStatus.CONFIRMED) - before.byStatus().get(OrderStatus.CONFIRMED)).isEqualTo(1);
        assertThat(after.byStatus().get(OrderStatus.CANCELLED) - before.byStatus().get(OrderStatus.CANCELLED)).isEqualTo(1);
        assertThat(after.byCancellationReason()).containsOnlyKeys(CancellationReason.values());
        assertThat(after.byCancellationReason().get(CancellationReason.PAYMENT_TIMEOUT)
                - before.byCancellationReason().get(CancellationReason.PAYMENT_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aReplayTellsSubscribersNothingAndTheNextChangeArrivesOnce() {
        OrderId orderId = OrderId.random();
        CustomerId customer = CustomerId.random();
        projections.events().append(ORDER, orderId, metaDataOf(customer), aConfirmedOrder(orderId, customer, product));
        awaitStatus(orderId, OrderStatus.CONFIRMED);
        SubscriptionQueryResult<OrderView, OrderView> following = queries().subscriptionQuery(new FindOrderQuery(orderId),
                ResponseTypes.instanceOf(OrderView.class), ResponseTypes.instanceOf(OrderView.class));
        List<OrderView> updates = new CopyOnWriteArrayList<>();
        following.updates().subscribe(updates::add);
        try {
            String replay = projections.bean(CommandGateway.class).sendAndWait(new ReplayReadModelCommand("order-details", false));
            eventually(() -> queries().query(new FindReadModelRebuildQuery("order-details", replay), ReadModelRebuildView.class)
                    .join(), view -> view.state().isFinished());
            assertThat(updates).isEmpty();

            projections.events().append(ORDER, orderId, metaDataOf(customer),
                    new OrderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST, null, OrderStatus.CONFIRMED));
            eventually(() -> updates, received -> !received.isEmpty());
            assertThat(updates).extracting(OrderView::status).containsExactly(OrderStatus.CANCELLED);
        } finally {
            following.cancel();
        }
    }

    private SubscriptionQueryResult<OrderPageView, OrderView> follow(FindOrdersQuery list) {
        return queries().subscriptionQuery(list, ResponseTypes.instanceOf(OrderPageView.class), ResponseTypes.instanceOf(OrderView.class));
    }

    private void awaitStatus(OrderId orderId, OrderStatus status) {
        eventually(() -> queries().query(new FindOrderQuery(orderId), OrderView.class).join(),
                order -> order != null && order.status() == status);
    }

    private QueryGateway queries() {
        return projections.bean(QueryGateway.class);
    }
}

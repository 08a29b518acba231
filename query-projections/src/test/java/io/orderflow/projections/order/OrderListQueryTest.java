package io.orderflow.projections.order;

import static io.orderflow.projections.order.OrderFixtures.AN_ADDRESS;
import static io.orderflow.projections.order.OrderFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPageView;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.projections.DomainEventDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The order list: newest first with a stable tie-break, filtered by customer, status and time, paged with
 * a total. Each test places its orders for a fresh customer at a time of its own (a random day decades
 * ahead), so the tests that share the database never see each other's orders.
 */
@SpringBootTest
class OrderListQueryTest {

    @Autowired OrderDetailsProjection projection;
    @Autowired OrderDetailsQueries queries;
    @Autowired PlatformTransactionManager transactionManager;

    DomainEventDelivery orders;
    final CustomerId customer = CustomerId.random();
    final Instant day = Instant.parse("2060-01-01T00:00:00Z").plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(100_000)));

    @BeforeEach
    void connectTheProjection() {
        orders = new DomainEventDelivery("Order", projection, queries, transactionManager);
    }

    @Nested
    class Paging {

        @Test
        void listsACustomersOrdersNewestFirstInPagesWithTheTotal() {
            List<OrderId> placed = placeOrders(customer, 5, Duration.ofMinutes(1));

            OrderPageView first = list(new FindOrdersQuery(customer, Set.of(), null, null, 0, 2));
            OrderPageView second = list(new FindOrdersQuery(customer, Set.of(), null, null, 1, 2));
            OrderPageView last = list(new FindOrdersQuery(customer, Set.of(), null, null, 2, 2));

            assertThat(ids(first)).containsExactly(placed.get(4), placed.get(3));
            assertThat(ids(second)).containsExactly(placed.get(2), placed.get(1));
            assertThat(ids(last)).containsExactly(placed.get(0));
            assertThat(first.total()).isEqualTo(5);
            assertThat(first.totalPages()).isEqualTo(3);
            assertThat(first.page()).isZero();
            assertThat(first.size()).isEqualTo(2);
        }

        @Test
        void ordersPlacedAtTheSameTimeKeepOneOrderAcrossPages() {
            List<OrderId> placed = placeOrders(customer, 4, Duration.ZERO);

            List<OrderId> paged = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                paged.addAll(ids(list(new FindOrdersQuery(customer, Set.of(), null, null, page, 1))));
            }

            assertThat(paged).containsExactlyInAnyOrderElementsOf(placed).doesNotHaveDuplicates();
            assertThat(paged).isSortedAccordingTo((a, b) -> b.value().compareTo(a.value()));
        }

        @Test
        void aPageBeyondTheLastIsEmptyButKnowsTheTotal() {
            placeOrders(customer, 2, Duration.ofMinutes(1));

            OrderPageView beyond = list(new FindOrdersQuery(customer, Set.of(), null, null, 7, 20));

            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.total()).isEqualTo(2);
            assertThat(beyond.totalPages()).isEqualTo(1);
        }

        @Test
        void anUnknownCustomerHasAnEmptyList() {
            OrderPageView none = list(FindOrdersQuery.ofCustomer(CustomerId.random(), 20));

            assertThat(none.items()).isEmpty();
            assertThat(none.total()).isZero();
            assertThat(none.totalPages()).isZero();
        }

        @Test
        void listsEachOrderExactlyAsTheSingleOrderQueryShowsIt() {
            List<OrderId> placed = placeOrders(customer, 2, Duration.ofMinutes(1));

            OrderPageView page = list(FindOrdersQuery.ofCustomer(customer, 20));

            assertThat(page.items()).containsExactly(order(placed.get(1)), order(placed.get(0)));
            assertThat(page.items().get(0).lines()).hasSize(2);
        }
    }

    @Nested
    class Filtering {

        @Test
        void byStatus() {
            List<OrderId> placed = placeOrders(customer, 3, Duration.ofMinutes(1));
            orders.deliverAt(placed.get(1), 1, new OrderAwaitingPayment(placed.get(1), PaymentId.random(), eur("10.00")),
                    day.plus(Duration.ofHours(1)));

            assertThat(ids(list(new FindOrdersQuery(customer, Set.of(OrderStatus.AWAITING_PAYMENT), null, null, 0, 20))))
                    .containsExactly(placed.get(1));
            assertThat(ids(list(new FindOrdersQuery(customer, Set.of(OrderStatus.PENDING), null, null, 0, 20))))
                    .containsExactly(placed.get(2), placed.get(0));
            assertThat(ids(list(new FindOrdersQuery(customer, Set.of(OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT),
                    null, null, 0, 20)))).hasSize(3);
            assertThat(list(new FindOrdersQuery(customer, Set.of(OrderStatus.DELIVERED), null, null, 0, 20)).total()).isZero();
        }

        @Test
        void byTimePlacedFromInclusiveToExclusive() {
            List<OrderId> placed = placeOrders(customer, 4, Duration.ofHours(1));

            OrderPageView middle = list(new FindOrdersQuery(customer, Set.of(), day.plus(Duration.ofHours(1)),
                    day.plus(Duration.ofHours(3)), 0, 20));
            OrderPageView fromOnly = list(new FindOrdersQuery(customer, Set.of(), day.plus(Duration.ofHours(2)), null, 0, 20));
            OrderPageView toOnly = list(new FindOrdersQuery(customer, Set.of(), null, day.plus(Duration.ofHours(1)), 0, 20));

            assertThat(ids(middle)).containsExactly(placed.get(2), placed.get(1));
            assertThat(ids(fromOnly)).containsExactly(placed.get(3), placed.get(2));
            assertThat(ids(toOnly)).containsExactly(placed.get(0));
        }

        @Test
        void everyCustomerWhenNoCustomerIsGiven() {
            CustomerId another = CustomerId.random();
            List<OrderId> mine = placeOrders(customer, 1, Duration.ZERO);
            List<OrderId> theirs = placeOrders(another, 1, Duration.ZERO, day.plusSeconds(1));

            OrderPageView window = list(new FindOrdersQuery(null, Set.of(), day, day.plus(Duration.ofSeconds(2)), 0, 20));

            assertThat(ids(window)).containsExactly(theirs.get(0), mine.get(0));
        }
    }

    /** Places {@code count} orders of {@code owner}, the first at {@link #day}, each {@code apart} after the previous one. */
    private List<OrderId> placeOrders(CustomerId owner, int count, Duration apart) {
        return placeOrders(owner, count, apart, day);
    }

    private List<OrderId> placeOrders(CustomerId owner, int count, Duration apart, Instant first) {
        List<OrderId> placed = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            OrderId orderId = OrderId.random();
            List<OrderLine> lines = List.of(
                    new OrderLine(ProductId.of("kettle"), "Kettle", 1, eur("8.00")),
                    new OrderLine(ProductId.of("filter"), "Filter", 2, eur("1.00")));
            orders.deliverAt(orderId, 0, new OrderPlaced(orderId, owner, lines, AN_ADDRESS, eur("10.00"), eur("0.00"),
                    eur("10.00")), first.plus(apart.multipliedBy(index)));
            placed.add(orderId);
        }
        return placed;
    }

    private OrderPageView list(FindOrdersQuery query) {
        return orders.query(query, ResponseTypes.instanceOf(OrderPageView.class));
    }

    private OrderView order(OrderId orderId) {
        return orders.query(new FindOrderQuery(orderId), ResponseTypes.instanceOf(OrderView.class));
    }

    private static List<OrderId> ids(OrderPageView page) {
        return page.items().stream().map(order -> OrderId.of(order.orderId())).toList();
    }
}

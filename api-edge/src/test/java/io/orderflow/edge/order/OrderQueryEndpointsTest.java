package io.orderflow.edge.order;

import static io.orderflow.edge.EdgeFixtures.anOrder;
import static io.orderflow.edge.EdgeFixtures.anOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.edge.EdgeHttpTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Reading orders: the list with its filters and paging, the history, and waiting for a new order. */
class OrderQueryEndpointsTest extends EdgeHttpTest {

    static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

    @Nested
    class OrderList {

        @Test
        void answersThePageAsJsonWithEachItemShapedLikeOneOrder() {
            OrderView older = anOrderOf("customer-7", MARCH, OrderStatus.CONFIRMED);
            OrderView newer = anOrderOf("customer-7", MARCH.plusSeconds(60), OrderStatus.PENDING);
            backend.has(older, newer, anOrderOf("customer-8", MARCH, OrderStatus.PENDING));

            admin.get().uri("/api/orders?customerId=customer-7").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.page").isEqualTo(0)
                    .jsonPath("$.size").isEqualTo(20)
                    .jsonPath("$.total").isEqualTo(2)
                    .jsonPath("$.totalPages").isEqualTo(1)
                    .jsonPath("$.items.length()").isEqualTo(2)
                    .jsonPath("$.items[0].orderId").isEqualTo(newer.orderId())
                    .jsonPath("$.items[1].orderId").isEqualTo(older.orderId())
                    .jsonPath("$.items[1].status").isEqualTo("CONFIRMED")
                    .jsonPath("$.items[1].lines[0].unitPrice").isEqualTo(24.90)
                    .jsonPath("$.items[1].createdAt").isEqualTo("2026-03-01T00:00:00Z");
        }

        @Test
        void passesEveryFilterToTheQuery() {
            admin.get().uri("/api/orders?customerId= customer-7 &status=confirmed,SHIPPED&status=DELIVERED"
                            + "&from=2026-03-01&to=2026-03-02T12:00:00Z&page=3&size=100").exchange()
                    .expectStatus().isOk();

            assertThat(backend.queries(FindOrdersQuery.class)).containsExactly(new FindOrdersQuery(
                    CustomerId.of("customer-7"), Set.of(OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED),
                    MARCH, Instant.parse("2026-03-02T12:00:00Z"), 3, 100));
        }

        @Test
        void listsEveryCustomerWithoutACustomerId() {
            admin.get().uri("/api/orders").exchange().expectStatus().isOk();

            assertThat(backend.queries(FindOrdersQuery.class)).containsExactly(
                    new FindOrdersQuery(null, Set.of(), null, null, 0, FindOrdersQuery.DEFAULT_SIZE));
        }

        @Test
        void refusesAPageSizeAboveTheMaximum() {
            expectInvalid(admin.get().uri("/api/orders?size=101").exchange(), "size");
            expectInvalid(admin.get().uri("/api/orders?size=0").exchange(), "size");
            assertThat(backend.queries(FindOrdersQuery.class)).isEmpty();
        }

        @Test
        void refusesANegativePage() {
            expectInvalid(admin.get().uri("/api/orders?page=-1").exchange(), "page");
        }

        @Test
        void refusesAnUnknownStatus() {
            expectInvalid(admin.get().uri("/api/orders?status=CONFIRMED,LOST").exchange(), "status")
                    .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("'LOST'"));
        }

        @Test
        void refusesTimesThatAreNotIsoOrOutOfOrder() {
            expectInvalid(admin.get().uri("/api/orders?from=yesterday").exchange(), "from");
            expectInvalid(admin.get().uri("/api/orders?from=2026-03-02&to=2026-03-01").exchange(), "from");
        }

        @Test
        void refusesABlankCustomerId() {
            expectInvalid(admin.get().uri(uri -> uri.path("/api/orders").queryParam("customerId", " ").build()).exchange(),
                    "customerId");
        }

        @Test
        void answersAMalformedNumberAsABadRequest() {
            expectProblem(admin.get().uri("/api/orders?size=many").exchange(), HttpStatus.BAD_REQUEST,
                    ErrorCode.MALFORMED_REQUEST);
        }
    }

    @Nested
    class History {

        @Test
        void answersTheStatusChangesOfAnOrder() {
            OrderView order = anOrder(OrderStatus.PENDING);
            backend.has(order);

            admin.get().uri("/api/orders/{id}/history", order.orderId()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.orderId").isEqualTo(order.orderId())
                    .jsonPath("$.changes[0].status").isEqualTo("PENDING")
                    .jsonPath("$.changes[0].event").isEqualTo("OrderPlaced")
                    .jsonPath("$.changes[0].sequence").isEqualTo(0);
        }

        @Test
        void answersNotFoundForAnUnknownOrder() {
            expectProblem(admin.get().uri("/api/orders/{id}/history", "no-such-order").exchange(), HttpStatus.NOT_FOUND,
                    ErrorCode.ORDER_NOT_FOUND);
        }
    }

    @Nested
    class ReadYourWrites {

        @Test
        void answersAKnownOrderAtOnce() {
            OrderView order = anOrder(OrderStatus.PENDING);
            backend.has(order);

            admin.get().uri("/api/orders/{id}?waitMs=1000", order.orderId()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("PENDING");
        }

        @Test
        void waitsForAnOrderThatAppearsWhileWaiting() {
            OrderView order = anOrder(OrderStatus.PENDING);
            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> backend.changes(order));

            admin.get().uri("/api/orders/{id}?waitMs=1000", order.orderId()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.orderId").isEqualTo(order.orderId());
        }

        @Test
        void answersNotFoundWhenTheOrderDoesNotAppearInTime() {
            long started = System.nanoTime();

            expectProblem(admin.get().uri("/api/orders/{id}?waitMs=300", "never-placed").exchange(), HttpStatus.NOT_FOUND,
                    ErrorCode.ORDER_NOT_FOUND);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited before answering")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }

        @Test
        void refusesAWaitLongerThanTheMaximum() {
            expectInvalid(admin.get().uri("/api/orders/{id}?waitMs=1001", "any-order").exchange(), "waitMs");
            expectInvalid(admin.get().uri("/api/orders/{id}?waitMs=-1", "any-order").exchange(), "waitMs");
        }
    }
}

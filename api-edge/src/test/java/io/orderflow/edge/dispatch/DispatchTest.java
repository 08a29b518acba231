package io.orderflow.edge.dispatch;

import static io.orderflow.edge.EdgeFixtures.aProduct;
import static io.orderflow.edge.EdgeFixtures.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.contracts.order.ShipOrderCommand;
import io.orderflow.edge.EdgeHttpTest;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** How commands and queries travel: off the event loop, retried on a lost race, bounded by the timeout. */
class DispatchTest extends EdgeHttpTest {

    @Nested
    class Threads {

        @Test
        void handlesCommandsOffTheNettyEventLoop() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);

            admin.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange().expectStatus().isAccepted();

            assertThat(backend.lastCommandThread()).startsWith("boundedElastic-");
        }

        @Test
        void answersQueriesOffTheNettyEventLoop() {
            ProductView product = aProduct();
            backend.has(product);

            http.get().uri("/api/products/{id}", product.productId()).exchange().expectStatus().isOk();

            assertThat(backend.lastQueryThread()).startsWith("boundedElastic-");
        }
    }

    @Nested
    class ConcurrentModification {

        @Test
        void retriesACommandThatLostARaceUntilItSucceeds() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);
            backend.failsNextCommandsWith(new ConcurrencyException("version 3 already taken"),
                    new ConcurrencyException("version 4 already taken"));

            admin.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange().expectStatus().isAccepted();

            assertThat(backend.commands(ShipOrderCommand.class)).hasSize(3);
        }

        @Test
        void answersConflictWhenTheRetriesAreUsedUp() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);
            backend.failsNextCommandsWith(new ConcurrencyException("1"), new ConcurrencyException("2"),
                    new ConcurrencyException("3"), new ConcurrencyException("4"), new ConcurrencyException("5"));

            expectProblem(admin.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange(),
                    HttpStatus.CONFLICT, ErrorCode.CONCURRENT_MODIFICATION);

            assertThat(backend.commands(ShipOrderCommand.class)).as("one attempt and three retries").hasSize(4);
        }

        @Test
        void doesNotRetryARefusal() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);
            backend.failsNextCommandsWith(new IllegalStateException("boom"));

            admin.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange()
                    .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);

            assertThat(backend.commands(ShipOrderCommand.class)).hasSize(1);
        }
    }

    @Nested
    class Timeout {

        @Test
        void answersGatewayTimeoutWhenACommandIsNotHandledInTime() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);
            backend.hangsOnCommands();

            expectProblem(admin.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange(),
                    HttpStatus.GATEWAY_TIMEOUT, ErrorCode.TIMEOUT);
        }

        @Test
        void answersGatewayTimeoutWhenAQueryIsNotAnsweredInTime() {
            backend.hangsOnQueries();

            expectProblem(http.get().uri("/api/products").exchange(), HttpStatus.GATEWAY_TIMEOUT, ErrorCode.TIMEOUT);
        }
    }
}

package io.orderflow.edge.order;

import static io.orderflow.edge.EdgeFixtures.anOrder;
import static io.orderflow.edge.EdgeFixtures.anOrderOf;
import static io.orderflow.edge.EdgeFixtures.movedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.order.OrderPageView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.edge.EdgeHttpTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/** Live orders over Server-Sent Events, fed by subscription-query updates of the in-memory backend. */
class OrderStreamEndpointsTest extends EdgeHttpTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void streamsTheCurrentStateThenEachChangeOnceAndEndsWhenTheOrderIsTerminal() {
        OrderView pending = anOrder(OrderStatus.PENDING);
        OrderView awaiting = movedTo(pending, OrderStatus.AWAITING_PAYMENT, 1);
        OrderView confirmed = movedTo(pending, OrderStatus.CONFIRMED, 2);
        OrderView delivered = movedTo(pending, OrderStatus.DELIVERED, 4);
        backend.has(awaiting);
        later(() -> {
            backend.announces(pending);
            backend.announces(awaiting);
            backend.changes(confirmed);
            backend.changes(confirmed);
            backend.changes(delivered);
        });

        List<ServerSentEvent<OrderView>> events = orderEvents("/api/orders/{id}/stream", pending.orderId())
                .filter(event -> event.data() != null)
                .collectList()
                .block(WAIT);

        assertThat(events).extracting(ServerSentEvent::event).containsOnly("order");
        assertThat(events).extracting(event -> event.data().status())
                .containsExactly(OrderStatus.AWAITING_PAYMENT, OrderStatus.CONFIRMED, OrderStatus.DELIVERED);
        assertThat(events.get(2).data()).isEqualTo(delivered);
    }

    @Test
    void waitsForAnOrderThatIsNotYetInTheReadModel() {
        OrderView pending = anOrder(OrderStatus.PENDING);
        later(() -> {
            backend.changes(pending);
            backend.changes(movedTo(pending, OrderStatus.CANCELLED, 1));
        });

        List<OrderStatus> statuses = orderEvents("/api/orders/{id}/stream", pending.orderId())
                .filter(event -> event.data() != null)
                .map(event -> event.data().status())
                .collectList()
                .block(WAIT);

        assertThat(statuses).containsExactly(OrderStatus.PENDING, OrderStatus.CANCELLED);
    }

    @Test
    void answersNotFoundBeforeStreamingWhenTheOrderNeverAppears() {
        expectProblem(admin.get().uri("/api/orders/{id}/stream", "never-placed").accept(MediaType.TEXT_EVENT_STREAM).exchange(),
                HttpStatus.NOT_FOUND, ErrorCode.ORDER_NOT_FOUND);
    }

    @Test
    void keepsAQuietStreamOpenWithHeartbeatComments() {
        OrderView confirmed = anOrder(OrderStatus.CONFIRMED);
        backend.has(confirmed);

        List<ServerSentEvent<OrderView>> events = orderEvents("/api/orders/{id}/stream", confirmed.orderId())
                .take(3)
                .collectList()
                .block(WAIT);

        assertThat(events.get(0).data()).isEqualTo(confirmed);
        assertThat(events.subList(1, 3)).allSatisfy(event -> {
            assertThat(event.comment()).isEqualTo("keep-alive");
            assertThat(event.data()).isNull();
        });
    }

    @Test
    void streamsACustomersOrdersPageThenEveryChangeOfTheirOrders() {
        Instant placed = Instant.parse("2026-03-01T10:00:00Z");
        OrderView existing = anOrderOf("customer-9", placed, OrderStatus.CONFIRMED);
        OrderView someoneElses = anOrderOf("customer-10", placed, OrderStatus.PENDING);
        OrderView next = anOrderOf("customer-9", placed.plusSeconds(60), OrderStatus.PENDING);
        backend.has(existing, someoneElses);
        later(() -> {
            backend.announces(existing);
            backend.changes(movedTo(someoneElses, OrderStatus.AWAITING_PAYMENT, 1));
            backend.changes(next);
            backend.changes(movedTo(existing, OrderStatus.SHIPPED, 5));
        });

        List<ServerSentEvent<String>> events = admin.get().uri("/api/customers/{id}/orders/stream", "customer-9")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody()
                .filter(event -> event.data() != null)
                .take(3)
                .collectList()
                .block(WAIT);

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("orders", "order", "order");
        assertThat(events.get(0).data()).contains("\"total\":1").contains(existing.orderId());
        assertThat(events.get(1).data()).contains(next.orderId()).contains("PENDING");
        assertThat(events.get(2).data()).contains(existing.orderId()).contains("SHIPPED");
    }

    @Test
    void refusesACustomerStreamPageAboveTheMaximum() {
        expectInvalid(admin.get().uri("/api/customers/{id}/orders/stream?size=101", "customer-9")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange(), "size");
    }

    private Flux<ServerSentEvent<OrderView>> orderEvents(String path, String orderId) {
        return admin.get().uri(path, orderId).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<OrderView>>() {
                })
                .getResponseBody();
    }
}

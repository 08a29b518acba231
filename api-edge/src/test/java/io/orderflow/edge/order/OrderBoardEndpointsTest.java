package io.orderflow.edge.order;

import static io.orderflow.edge.EdgeFixtures.anOrderOf;
import static io.orderflow.edge.EdgeFixtures.movedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.order.CancellationReason;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** The administrators' live order board: every customer's orders, and the counts by status and reason. */
class OrderBoardEndpointsTest extends EdgeHttpTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void streamsTheNewestOrdersTheCountsThenEveryCustomersChangesAndCountsThemAgain() {
        Instant placed = Instant.parse("2026-03-01T10:00:00Z");
        OrderView existing = anOrderOf("customer-1", placed, OrderStatus.CONFIRMED);
        OrderView arriving = anOrderOf("customer-2", placed.plusSeconds(60), OrderStatus.PENDING);
        OrderView outOfStock = cancelled(movedTo(arriving, OrderStatus.CANCELLED, 1), CancellationReason.OUT_OF_STOCK);
        backend.has(existing);
        later(() -> {
            backend.announces(existing);
            backend.changes(arriving);
            backend.changes(outOfStock);
        });

        List<ServerSentEvent<JsonNode>> events = board(admin, "/api/admin/orders/stream?size=5")
                .filter(event -> event.data() != null)
                .takeUntil(event -> "counts".equals(event.event())
                        && event.data().at("/byCancellationReason/OUT_OF_STOCK").asLong() == 1)
                .collectList()
                .block(WAIT);

        assertThat(events.get(0).event()).isEqualTo("orders");
        assertThat(events.get(0).data().get("total").asLong()).isEqualTo(1);
        assertThat(events.get(0).data().at("/items/0/orderId").asString()).isEqualTo(existing.orderId());
        assertThat(events.get(1).event()).isEqualTo("counts");
        assertThat(events.get(1).data().at("/byStatus/CONFIRMED").asLong()).isEqualTo(1);
        assertThat(events).filteredOn(event -> "order".equals(event.event()))
                .extracting(event -> event.data().get("orderId").asString() + " " + event.data().get("status").asString())
                .containsExactly(arriving.orderId() + " PENDING", arriving.orderId() + " CANCELLED");
        JsonNode counts = events.get(events.size() - 1).data();
        assertThat(counts.get("total").asLong()).isEqualTo(2);
        assertThat(counts.at("/byStatus/CANCELLED").asLong()).isEqualTo(1);
        assertThat(counts.at("/byStatus/CONFIRMED").asLong()).isEqualTo(1);
    }

    @Test
    void refusesCustomers() {
        expectProblem(http.get().uri("/api/admin/orders/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange(),
                HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN);
    }

    @Test
    void refusesAPageAboveTheMaximum() {
        expectInvalid(admin.get().uri("/api/admin/orders/stream?size=101").accept(MediaType.TEXT_EVENT_STREAM).exchange(), "size");
    }

    private static OrderView cancelled(OrderView order, CancellationReason reason) {
        return new OrderView(order.orderId(), order.customerId(), OrderStatus.CANCELLED, reason, "only 0 of 1 available",
                order.lines(), order.subtotal(), order.tax(), order.total(), order.currency(), order.createdAt(), order.updatedAt());
    }

    static Flux<ServerSentEvent<JsonNode>> board(WebTestClient client, String path) {
        return client.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                })
                .getResponseBody();
    }
}

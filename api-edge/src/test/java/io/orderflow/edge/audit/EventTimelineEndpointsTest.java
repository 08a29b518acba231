package io.orderflow.edge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.audit.AuditedAggregate;
import io.orderflow.contracts.audit.EventTimelineView;
import io.orderflow.contracts.audit.FindEventTimelineQuery;
import io.orderflow.contracts.audit.RecordedEventView;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.EdgeHttpTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class EventTimelineEndpointsTest extends EdgeHttpTest {

    @Test
    void answersAnOrdersRecordedEventsWithPayloadAndMetadata() {
        backend.has(new EventTimelineView("Order", "order-1", List.of(new RecordedEventView(0, "OrderPlaced",
                "io.orderflow.contracts.order.OrderPlaced", null, "event-0", Instant.parse("2026-03-01T10:00:00Z"),
                Map.of("orderId", "order-1", "total", Map.of("amount", new BigDecimal("24.90"), "currency", "EUR")),
                Map.of("traceId", "trace-1", "customerId", "customer-42"))), 1L));

        admin.get().uri("/api/orders/{id}/events?limit=1", "order-1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.aggregateType").isEqualTo("Order")
                .jsonPath("$.nextSequence").isEqualTo(1)
                .jsonPath("$.events[0].sequence").isEqualTo(0)
                .jsonPath("$.events[0].type").isEqualTo("OrderPlaced")
                .jsonPath("$.events[0].timestamp").isEqualTo("2026-03-01T10:00:00Z")
                .jsonPath("$.events[0].payload.total.amount").isEqualTo(24.90)
                .jsonPath("$.events[0].metadata.traceId").isEqualTo("trace-1");
        assertThat(backend.queries(FindEventTimelineQuery.class))
                .containsExactly(new FindEventTimelineQuery(AuditedAggregate.ORDER, "order-1", 0, 1));
    }

    @Test
    void readsAProductsEventsFromTheGivenSequence() {
        backend.has(new EventTimelineView("Inventory", "product-1", List.of(), null));

        admin.get().uri("/api/products/{id}/events?fromSequence=200", "product-1").exchange().expectStatus().isOk();

        assertThat(backend.queries(FindEventTimelineQuery.class)).containsExactly(
                new FindEventTimelineQuery(AuditedAggregate.PRODUCT, "product-1", 200, FindEventTimelineQuery.DEFAULT_LIMIT));
    }

    @Test
    void answersNotFoundForAnAggregateWithoutEvents() {
        expectProblem(admin.get().uri("/api/orders/{id}/events", "no-such-order").exchange(), HttpStatus.NOT_FOUND,
                ErrorCode.ORDER_NOT_FOUND);
        expectProblem(admin.get().uri("/api/products/{id}/events", "no-such-product").exchange(), HttpStatus.NOT_FOUND,
                ErrorCode.PRODUCT_NOT_FOUND);
    }

    @Test
    void refusesALimitOrSequenceOutOfRange() {
        expectInvalid(admin.get().uri("/api/orders/{id}/events?limit=1001", "order-1").exchange(), "limit");
        expectInvalid(admin.get().uri("/api/orders/{id}/events?fromSequence=-1", "order-1").exchange(), "fromSequence");
    }
}

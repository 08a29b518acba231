package io.orderflow.edge.security;

import static io.orderflow.edge.EdgeFixtures.anOrderOf;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.edge.EdgeHttpTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** A customer reads, follows and audits their own orders only; product timelines are for administrators. */
class ReadAccessTest extends EdgeHttpTest {

    private static final String SOMEONE_ELSE = "customer-7";

    @Test
    void answersNotFoundForTheTimelineOfAnotherCustomersOrder() {
        OrderView theirs = anOrderOf(SOMEONE_ELSE, Instant.parse("2026-11-01T10:00:00Z"), OrderStatus.CONFIRMED);
        backend.has(theirs);

        expectProblem(http.get().uri("/api/orders/{id}/events", theirs.orderId()).exchange(),
                HttpStatus.NOT_FOUND, ErrorCode.ORDER_NOT_FOUND);
    }

    @Test
    void answersNotFoundForTheHistoryOfAnotherCustomersOrder() {
        OrderView theirs = anOrderOf(SOMEONE_ELSE, Instant.parse("2026-11-01T10:00:00Z"), OrderStatus.CONFIRMED);
        backend.has(theirs);

        expectProblem(http.get().uri("/api/orders/{id}/history", theirs.orderId()).exchange(),
                HttpStatus.NOT_FOUND, ErrorCode.ORDER_NOT_FOUND);
    }

    @Test
    void refusesToListAnotherCustomersOrders() {
        expectProblem(http.get().uri("/api/orders?customerId={id}", SOMEONE_ELSE).exchange(),
                HttpStatus.FORBIDDEN, ErrorCode.CUSTOMER_MISMATCH);
    }

    @Test
    void refusesToStreamAnotherCustomersOrders() {
        http.get().uri("/api/customers/{id}/orders/stream", SOMEONE_ELSE).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void keepsProductTimelinesForAdministrators() {
        http.get().uri("/api/products/{id}/events", "any-product").exchange()
                .expectStatus().isForbidden();
    }
}

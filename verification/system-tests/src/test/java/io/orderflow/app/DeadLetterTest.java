package io.orderflow.app;

import static io.orderflow.app.PoisonedOrderDetails.statusAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A poison event in the running system ({@link PoisonedOrderDetails}): the order details refuse one customer's
 * orders. Their events are parked while every other order is still projected; once the cause is gone, a retry
 * over HTTP projects them.
 */
@OrderflowTest
class DeadLetterTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;
    PoisonedOrderDetails poison;

    @BeforeEach
    void client() {
        api = new Api(port);
        poison = new PoisonedOrderDetails(api, jdbc);
    }

    @AfterEach
    void cure() {
        poison.cure();
    }

    @Test
    void parksAFailingOrderProjectsTheOthersAndProjectsItOnRetryAfterTheFix() {
        String product = api.addProduct("Dead-lettered mug", "7.00", 100);
        String poisoned = api.placeOrder(poison.customer(), Map.of(product, 1));
        String healthy = api.placeOrder(api.aCustomer(), Map.of(product, 1));

        api.awaitOrderStatus(healthy, "CONFIRMED", "CANCELLED");
        String settlingEvent = poison.awaitSettledInTheEventStore(poisoned);
        JsonNode parked = poison.awaitParked(poisoned, settlingEvent);
        api.http.get().uri("/api/orders/{id}", poisoned).exchange().expectStatus().isNotFound();
        assertThat(parked.get("processingGroup").asString()).isEqualTo("order-details");
        assertThat(parked.get("letters").get(0).get("eventType").asString()).isEqualTo("OrderPlaced");
        assertThat(parked.get("letters").get(0).get("causeMessage").asString()).contains("poison order " + poisoned + " refused");

        poison.cure();
        JsonNode retry = api.http.post().uri("/api/admin/dead-letters/order-details/retry").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(retry.get("succeeded").asInt()).isPositive();
        assertThat(retry.get("failed").asInt()).isZero();
        JsonNode order = api.get("/api/orders/" + poisoned);
        assertThat(order.get("status").asString()).isEqualTo(statusAfter(settlingEvent));
        assertThat(poison.sequences()).noneMatch(sequence -> sequence.get("sequenceId").asString().equals(poisoned));
    }

    @Test
    void evictsAParkedSequenceForGood() {
        String product = api.addProduct("Evicted mug", "7.00", 100);
        String poisoned = api.placeOrder(poison.customer(), Map.of(product, 1));
        poison.awaitParked(poisoned, poison.awaitSettledInTheEventStore(poisoned));

        JsonNode eviction = api.http.delete().uri("/api/admin/dead-letters/order-details/{id}", poisoned).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        poison.cure();

        assertThat(eviction.get("evicted").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(poison.sequences()).noneMatch(sequence -> sequence.get("sequenceId").asString().equals(poisoned));
        api.http.get().uri("/api/orders/{id}", poisoned).exchange().expectStatus().isNotFound();
        api.http.delete().uri("/api/admin/dead-letters/order-details/{id}", poisoned).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("DEAD_LETTER_NOT_FOUND");

        // what an operator does next: a replay projects the evicted order again (and leaves the system, which the
        // other test classes share, with a whole read model, so that their replays compare equal)
        assertThat(replayed("order-details").get("state").asString()).isEqualTo("COMPLETED");
        assertThat(api.get("/api/orders/" + poisoned).get("orderId").asString()).isEqualTo(poisoned);
    }

    private JsonNode replayed(String readModel) {
        URI rebuild = api.http.post().uri("/api/admin/projections/{name}/replay", readModel)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseHeaders().getLocation();
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(rebuild.toString()), status -> status != null
                        && List.of("COMPLETED", "FAILED", "ABANDONED").contains(status.get("state").asString()));
    }

    @Test
    void answersNotFoundForAProcessingGroupWithoutDeadLetters() {
        api.http.get().uri("/api/admin/dead-letters?processingGroup=order-saga").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PROCESSING_GROUP_NOT_FOUND");
    }
}

package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A poison event in the running system: a database trigger (standing for a projection bug, or a rule the
 * data breaks) makes the order details refuse one customer's orders. Their events are parked while every
 * other order is still projected; once the trigger is gone, a retry over HTTP projects them.
 */
@OrderflowTest
class DeadLetterTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;
    String orderTable;

    @BeforeEach
    void poisonTheOrderDetails() {
        api = new Api(port);
        orderTable = "projections.order_view_g" + jdbc.queryForObject(
                "SELECT generation FROM projections.read_model WHERE name = 'order-details'", Integer.class);
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION projections.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'poison order % refused', NEW.order_id;
                END;
                $$""");
    }

    /** A registered customer whose orders the order-details projection refuses, until the trigger is dropped. */
    private String poisonedCustomer() {
        String customer = api.aCustomer();
        jdbc.execute("CREATE TRIGGER poison BEFORE INSERT ON " + orderTable + " FOR EACH ROW WHEN (NEW.customer_id = '"
                + customer + "') EXECUTE FUNCTION projections.refuse_poison()");
        return customer;
    }

    @AfterEach
    void cure() {
        jdbc.execute("DROP TRIGGER IF EXISTS poison ON " + orderTable);
    }

    @Test
    void parksAFailingOrderProjectsTheOthersAndProjectsItOnRetryAfterTheFix() {
        String product = api.addProduct("Dead-lettered mug", "7.00", 100);
        String poison = api.placeOrder(poisonedCustomer(), Map.of(product, 1));
        String healthy = api.placeOrder(api.aCustomer(), Map.of(product, 1));

        api.awaitOrderStatus(healthy, "CONFIRMED", "CANCELLED");
        String settlingEvent = awaitSettledInTheEventStore(poison);
        JsonNode parked = awaitParked(poison, settlingEvent);
        api.http.get().uri("/api/orders/{id}", poison).exchange().expectStatus().isNotFound();
        assertThat(parked.get("processingGroup").asString()).isEqualTo("order-details");
        assertThat(parked.get("letters").get(0).get("eventType").asString()).isEqualTo("OrderPlaced");
        assertThat(parked.get("letters").get(0).get("causeMessage").asString()).contains("poison order " + poison + " refused");

        cure();
        JsonNode retry = api.http.post().uri("/api/admin/dead-letters/order-details/retry").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(retry.get("succeeded").asInt()).isPositive();
        assertThat(retry.get("failed").asInt()).isZero();
        JsonNode order = api.get("/api/orders/" + poison);
        assertThat(order.get("status").asString()).isEqualTo(statusAfter(settlingEvent));
        assertThat(sequences()).noneMatch(sequence -> sequence.get("sequenceId").asString().equals(poison));
    }

    @Test
    void evictsAParkedSequenceForGood() {
        String product = api.addProduct("Evicted mug", "7.00", 100);
        String poison = api.placeOrder(poisonedCustomer(), Map.of(product, 1));
        awaitParked(poison, awaitSettledInTheEventStore(poison));

        JsonNode eviction = api.http.delete().uri("/api/admin/dead-letters/order-details/{id}", poison).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        cure();

        assertThat(eviction.get("evicted").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(sequences()).noneMatch(sequence -> sequence.get("sequenceId").asString().equals(poison));
        api.http.get().uri("/api/orders/{id}", poison).exchange().expectStatus().isNotFound();
        api.http.delete().uri("/api/admin/dead-letters/order-details/{id}", poison).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("DEAD_LETTER_NOT_FOUND");
    }

    @Test
    void answersNotFoundForAProcessingGroupWithoutDeadLetters() {
        api.http.get().uri("/api/admin/dead-letters?processingGroup=order-saga").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PROCESSING_GROUP_NOT_FOUND");
    }

    /**
     * The event that settled the order (confirmed or cancelled), read from the event store: the read model
     * knows nothing of the order.
     */
    private String awaitSettledInTheEventStore(String orderId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode timeline = api.get("/api/orders/" + orderId + "/events");
            return timeline == null ? null : timeline.get("events").valueStream()
                    .map(event -> event.get("type").asString())
                    .filter(type -> type.equals("OrderConfirmed") || type.equals("OrderCancelled"))
                    .findFirst().orElse(null);
        }, settling -> settling != null);
    }

    /** Waits until the event that settled the order is parked in the order's sequence, behind the failed one. */
    private JsonNode awaitParked(String orderId, String settlingEvent) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> sequences().stream()
                .filter(sequence -> sequence.get("sequenceId").asString().equals(orderId))
                .filter(sequence -> sequence.get("letters").valueStream()
                        .anyMatch(letter -> letter.get("eventType").asString().equals(settlingEvent)))
                .findFirst().orElse(null), sequence -> sequence != null);
    }

    private List<JsonNode> sequences() {
        JsonNode deadLetters = api.get("/api/admin/dead-letters?processingGroup=order-details");
        return deadLetters.get("sequences").valueStream().toList();
    }

    private static String statusAfter(String settlingEvent) {
        return settlingEvent.equals("OrderConfirmed") ? "CONFIRMED" : "CANCELLED";
    }
}

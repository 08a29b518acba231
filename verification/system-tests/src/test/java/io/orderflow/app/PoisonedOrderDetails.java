package io.orderflow.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A poison event in the running system: a database trigger on the live order-details table (standing for a
 * projection bug, or a rule the data breaks) makes the order-details projection refuse one customer's orders, so
 * that their events are parked as dead letters until {@link #cure()} drops it. One poisoned customer at a time.
 */
final class PoisonedOrderDetails {

    private final Api api;
    private final JdbcTemplate jdbc;
    private String poisonedTable;

    PoisonedOrderDetails(Api api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A registered customer whose orders the order-details projection refuses, until {@link #cure()}. */
    String customer() {
        poisonedTable = "projections.order_view_g" + jdbc.queryForObject(
                "SELECT generation FROM projections.read_model WHERE name = 'order-details'", Integer.class);
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION projections.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'poison order % refused', NEW.order_id;
                END;
                $$""");
        String customer = api.aCustomer();
        jdbc.execute("CREATE TRIGGER poison BEFORE INSERT ON " + poisonedTable + " FOR EACH ROW WHEN (NEW.customer_id = '"
                + customer + "') EXECUTE FUNCTION projections.refuse_poison()");
        return customer;
    }

    /** Drops the trigger: the projection would handle the customer's orders again. Harmless when there is none. */
    void cure() {
        if (poisonedTable != null) {
            jdbc.execute("DROP TRIGGER IF EXISTS poison ON " + poisonedTable);
        }
    }

    /**
     * The event that settled the order (confirmed or cancelled), read from the event store: the read model
     * knows nothing of the order.
     */
    String awaitSettledInTheEventStore(String orderId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode timeline = api.get("/api/orders/" + orderId + "/events");
            return timeline == null ? null : timeline.get("events").valueStream()
                    .map(event -> event.get("type").asString())
                    .filter(type -> type.equals("OrderConfirmed") || type.equals("OrderCancelled"))
                    .findFirst().orElse(null);
        }, settling -> settling != null);
    }

    /** Waits until the event that settled the order is parked in the order's sequence, behind the failed one. */
    JsonNode awaitParked(String orderId, String settlingEvent) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> sequences().stream()
                .filter(sequence -> sequence.get("sequenceId").asString().equals(orderId))
                .filter(sequence -> sequence.get("letters").valueStream()
                        .anyMatch(letter -> letter.get("eventType").asString().equals(settlingEvent)))
                .findFirst().orElse(null), sequence -> sequence != null);
    }

    /** The parked sequences of order-details, as the API lists them. */
    List<JsonNode> sequences() {
        JsonNode deadLetters = api.get("/api/admin/dead-letters?processingGroup=order-details");
        return deadLetters.get("sequences").valueStream().toList();
    }

    /** The status an order has once the event that settled it is handled. */
    static String statusAfter(String settlingEvent) {
        return settlingEvent.equals("OrderConfirmed") ? "CONFIRMED" : "CANCELLED";
    }
}

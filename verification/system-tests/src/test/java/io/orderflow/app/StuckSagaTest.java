package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A saga step that keeps failing, in the running system: a database trigger (standing for a bug, or a rule the
 * data breaks) refuses every reservation of one product, so the order saga's first step for an order of it fails
 * on every attempt. The step is parked after its attempts while other orders go on; the stuck-saga console lists
 * it, shows it with its events, retries it once the trigger is gone, or resolves it by cancelling the order.
 */
@OrderflowTest
class StuckSagaTest {

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void theRefusal() {
        api = new Api(port);
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION axon.refuse_reservation() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'reservation of % refused', NEW.aggregate_identifier;
                END;
                $$""");
    }

    /** A product whose reservations the event store refuses, until the trigger is dropped. */
    private String aRefusedProduct(String name) {
        String product = api.addProduct(name, "9.00", 50);
        jdbc.execute("CREATE TRIGGER refuse_reservation BEFORE INSERT ON axon.domain_event_entry FOR EACH ROW WHEN"
                + " (NEW.aggregate_identifier = '" + product + "' AND NEW.payload_type LIKE '%.StockReserved')"
                + " EXECUTE FUNCTION axon.refuse_reservation()");
        return product;
    }

    @AfterEach
    void cure() {
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_reservation ON axon.domain_event_entry");
    }

    @Test
    void parksAStepThatKeepsFailingGoesOnWithTheOtherOrdersAndRetriesItAfterTheFix() {
        String refused = aRefusedProduct("Stuck teapot");
        String healthy = api.addProduct("Free-flowing teapot", "9.00", 50);
        String stuckOrder = api.placeOrder(api.aCustomer(), Map.of(refused, 1));
        String otherOrder = api.placeOrder(api.aCustomer(), Map.of(healthy, 1));

        JsonNode stuck = awaitStuck(stuckOrder);
        api.awaitOrderStatus(otherOrder, "CONFIRMED", "CANCELLED");
        assertThat(stuck.get("reason").asString()).isEqualTo("HANDLER_FAILED");
        assertThat(stuck.get("attempts").asInt()).isEqualTo(3);
        assertThat(stuck.get("failingStep").asString()).isEqualTo("OrderPlaced");
        assertThat(stuck.get("lastError").asString()).contains("reservation of " + refused + " refused");
        assertThat(stuck.get("parkedEvents").asInt()).isEqualTo(1);
        assertThat(api.get("/api/orders/" + stuckOrder).get("status").asString()).isEqualTo("PENDING");

        JsonNode detail = api.get("/api/admin/sagas/" + stuckOrder);
        assertThat(detail.get("saga").get("orderId").asString()).isEqualTo(stuckOrder);
        assertThat(detail.get("parkedEvents").get(0).get("eventType").asString()).isEqualTo("OrderPlaced");
        assertThat(detail.get("events").get("events").get(0).get("type").asString()).isEqualTo("OrderPlaced");
        assertThat(parkedGauge()).isGreaterThanOrEqualTo(1.0);

        JsonNode failedRetry = retry(stuckOrder);
        assertThat(failedRetry.get("succeeded").asBoolean()).isFalse();
        assertThat(failedRetry.get("stillStuck").get("attempts").asInt()).isEqualTo(4);

        cure();
        JsonNode retry = retry(stuckOrder);

        assertThat(retry.get("succeeded").asBoolean()).isTrue();
        assertThat(retry.get("handled").asInt()).isEqualTo(1);
        api.awaitOrderStatus(stuckOrder, "CONFIRMED", "CANCELLED");
        api.http.get().uri("/api/admin/sagas/{id}", stuckOrder).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("STUCK_SAGA_NOT_FOUND");
    }

    @Test
    void resolvesAStuckProcessByCancellingItsOrderWithTheGivenReason() {
        String refused = aRefusedProduct("Resolved teapot");
        String stuckOrder = api.placeOrder(api.aCustomer(), Map.of(refused, 2));
        awaitStuck(stuckOrder);
        assertThat(sagaTokenIndex()).as("the saga processor's stored token has moved past the parked step: a restart, or "
                + "another instance taking its segment, does not handle it again").isGreaterThanOrEqualTo(indexOf(stuckOrder, "OrderPlaced"));

        JsonNode resolution = api.http.post().uri("/api/admin/sagas/{id}/resolve", stuckOrder)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "OUT_OF_STOCK", "detail", "the teapot's stock cannot be reserved"))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(resolution.get("droppedStep").asString()).isEqualTo("OrderPlaced");
        assertThat(resolution.get("remaining").asInt()).isZero();
        JsonNode order = api.awaitOrderStatus(stuckOrder, "CANCELLED");
        assertThat(order.get("cancellationReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(order.get("cancellationDetail").asString()).isEqualTo("the teapot's stock cannot be reserved");
        assertThat(api.get("/api/products/" + refused).get("available").asInt()).isEqualTo(50);
        api.http.post().uri("/api/admin/sagas/{id}/retry", stuckOrder).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("STUCK_SAGA_NOT_FOUND");
    }

    @Test
    void answersProblemDocumentsForAnOrderThatIsNotStuckAnInvalidReasonAndACustomer() {
        api.http.get().uri("/api/admin/sagas/no-such-order").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("STUCK_SAGA_NOT_FOUND");
        api.http.post().uri("/api/admin/sagas/no-such-order/resolve").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "BORED")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
        api.http.post().uri("/api/admin/sagas/no-such-order/resolve").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("detail", "no reason")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        api.as(api.aCustomer()).get().uri("/api/admin/sagas").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    private JsonNode awaitStuck(String orderId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/admin/sagas").get("sagas").valueStream()
                .filter(saga -> saga.get("orderId").asString().equals(orderId))
                .findFirst().orElse(null), saga -> saga != null);
    }

    private long indexOf(String orderId, String eventType) {
        return jdbc.queryForObject("SELECT global_index FROM axon.domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, orderId, "%." + eventType);
    }

    /** How far every segment of the saga's processor has stored that it got. */
    private long sagaTokenIndex() {
        return jdbc.queryForObject("""
                SELECT min((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint) FROM axon.token_entry
                 WHERE processor_name = 'order-saga' AND token IS NOT NULL""", Long.class);
    }

    private JsonNode retry(String orderId) {
        return api.http.post().uri("/api/admin/sagas/{id}/retry", orderId).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private double parkedGauge() {
        String scrape = Api.management(managementPort).get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return scrape.lines().filter(line -> line.startsWith("orderflow_saga_parked "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }
}

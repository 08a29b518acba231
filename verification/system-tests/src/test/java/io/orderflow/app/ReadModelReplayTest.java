package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A read model is lost and rebuilt from the event store over HTTP, while the application keeps running:
 * the replay builds new tables, switches to them, and they hold what the lost ones held; a verification
 * afterwards finds no difference between the live read model and the events. Each read model shows how many
 * events it is behind.
 */
@OrderflowTest
class ReadModelReplayTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void rebuildsTheLostOrderDetailsIdenticalToBeforeAndVerifiesThemAgainstTheEvents() {
        String product = api.addProduct("Replayed kettle", "25.00", 100);
        List<String> orderIds = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            orderIds.add(api.placeOrder(api.aCustomer(), Map.of(product, 1 + index % 2)));
        }
        orderIds.forEach(orderId -> api.awaitOrderStatus(orderId, "CONFIRMED", "CANCELLED"));
        List<JsonNode> before = snapshot(orderIds);

        int lost = activeGeneration("order-details");
        jdbc.execute("TRUNCATE projections.order_view_g" + lost + " CASCADE");
        api.http.get().uri("/api/orders/{id}", orderIds.get(0)).exchange().expectStatus().isNotFound();

        JsonNode replay = finished(start("/api/admin/projections/order-details/replay"));

        assertThat(replay.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(replay.get("kind").asString()).isEqualTo("REPLAY");
        assertThat(replay.get("liveGeneration").asInt()).isEqualTo(lost);
        assertThat(replay.get("generation").asInt()).isGreaterThan(lost);
        assertThat(replay.get("processedEvents").asLong()).isPositive();
        assertThat(replay.get("totalEvents").asLong()).isPositive();
        assertThat(replay.get("verification").get("differenceCount").asLong()).as("the emptied tables lacked every row")
                .isPositive();
        assertThat(activeGeneration("order-details")).isEqualTo(replay.get("generation").asInt());
        assertThat(snapshot(orderIds)).isEqualTo(before);

        JsonNode verification = finished(start("/api/admin/projections/order-details/verify"));

        assertThat(verification.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(verification.get("verification").get("rowsCompared").asLong()).isPositive();
        assertThat(verification.get("verification").get("differenceCount").asLong()).isZero();
        assertThat(verification.get("verification").get("differences")).isEmpty();
        assertThat(activeGeneration("order-details")).as("a verification switches nothing").isEqualTo(replay.get("generation").asInt());
    }

    @Test
    void replaysTheCatalogueWhileOrdersKeepComingAndLosesNoStock() {
        String product = api.addProduct("Replayed filter", "3.00", 500);
        List<String> orderIds = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            orderIds.add(api.placeOrder(api.aCustomer(), Map.of(product, 1)));
        }

        JsonNode replay = finished(start("/api/admin/projections/product-catalogue/replay"));
        for (int index = 0; index < 3; index++) {
            orderIds.add(api.placeOrder(api.aCustomer(), Map.of(product, 1)));
        }
        List<JsonNode> orders = orderIds.stream().map(id -> api.awaitOrderStatus(id, "CONFIRMED", "CANCELLED")).toList();

        assertThat(replay.get("state").asString()).isEqualTo("COMPLETED");
        long confirmed = orders.stream().filter(order -> order.get("status").asString().equals("CONFIRMED")).count();
        JsonNode stock = api.awaitProduct(product, p -> p.get("reserved").asInt() == 0 && p.get("committed").asLong() == confirmed);
        assertThat(stock.get("available").asInt() + stock.get("committed").asInt()).isEqualTo(500);
    }

    @Test
    void answersConflictForASecondRebuildOfTheSameReadModelAndNotFoundForAnUnknownOne() {
        URI running = start("/api/admin/projections/product-catalogue/verify");
        api.http.post().uri("/api/admin/projections/product-catalogue/replay").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("REBUILD_ALREADY_RUNNING");
        finished(running);

        api.http.post().uri("/api/admin/projections/no-such-model/replay").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("READ_MODEL_NOT_FOUND");
    }

    /** A stopped processor falls behind the events its read model has not seen; started again, it catches up. */
    @Test
    void showsHowManyEventsEachReadModelIsBehind(@Autowired EventProcessingConfiguration processing) {
        EventProcessor catalogue = processing.eventProcessor("product-catalogue").orElseThrow();
        catalogue.shutDown();
        try {
            // 201 once the catalogue shows the product, or after a few seconds without it
            api.http.post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Unseen scale", "price", new BigDecimal("9.00"), "currency", "EUR", "initialStock", 5))
                    .exchange().expectStatus().isCreated();

            JsonNode readModels = api.get("/api/admin/projections");

            assertThat(readModels.valueStream().map(model -> model.get("name").asString()))
                    .containsExactly("order-details", "product-catalogue");
            assertThat(lagOf(readModels, "product-catalogue")).as("the events of a product added while stopped").isPositive();
            assertThat(lagOf(readModels, "order-details")).isGreaterThanOrEqualTo(0);
        } finally {
            catalogue.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(lagOf(api.get("/api/admin/projections"), "product-catalogue")).isZero());
    }

    private static long lagOf(JsonNode readModels, String name) {
        JsonNode readModel = readModels.valueStream().filter(model -> model.get("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no read model " + name + " in " + readModels));
        assertThat(readModel.get("lag").isIntegralNumber()).as("the lag of %s in %s", name, readModel).isTrue();
        return readModel.get("lag").asLong();
    }

    private URI start(String path) {
        var result = api.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult();
        URI location = result.getResponseHeaders().getLocation();
        assertThat(location).hasToString(result.getResponseBody().get("status").asString());
        return location;
    }

    private JsonNode finished(URI rebuild) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(rebuild.toString()), status -> status != null
                        && List.of("COMPLETED", "FAILED", "ABANDONED").contains(status.get("state").asString()));
    }

    /** The orders as clients read them: the order, its history and its lines. */
    private List<JsonNode> snapshot(List<String> orderIds) {
        List<JsonNode> views = new ArrayList<>();
        for (String orderId : orderIds) {
            views.add(api.get("/api/orders/" + orderId));
            views.add(api.get("/api/orders/" + orderId + "/history"));
        }
        return views;
    }

    private int activeGeneration(String readModel) {
        return jdbc.queryForObject("SELECT generation FROM projections.read_model WHERE name = ?", Integer.class, readModel);
    }
}

package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The order list, an order's status history and the raw event timelines, over HTTP on the running system. */
@OrderflowTest
class OrderQueriesTest {

    @LocalServerPort int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void pagesACustomersOrdersNewestFirstAndFiltersByStatusAndTime() {
        String product = api.addProduct("Listed mug", "9.00", 100);
        String scarce = api.addProduct("Listed rarity", "99.00", 1);
        String customer = api.aCustomer();
        List<String> placed = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            placed.add(api.placeOrder(customer, Map.of(product, 1)));
        }
        String outOfStock = api.placeOrder(customer, Map.of(scarce, 2));
        placed.add(outOfStock);
        List<JsonNode> orders = placed.stream().map(id -> api.awaitOrderStatus(id, "CONFIRMED", "CANCELLED")).toList();

        JsonNode first = api.get("/api/orders?customerId=" + customer + "&size=3");
        JsonNode second = api.get("/api/orders?customerId=" + customer + "&size=3&page=1");

        assertThat(first.get("total").asInt()).isEqualTo(4);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(ids(first)).containsExactly(placed.get(3), placed.get(2), placed.get(1));
        assertThat(ids(second)).containsExactly(placed.get(0));
        assertThat(first.get("items").get(0)).isEqualTo(api.get("/api/orders/" + outOfStock));

        JsonNode cancelled = api.get("/api/orders?customerId=" + customer + "&status=CANCELLED");
        assertThat(ids(cancelled)).contains(outOfStock)
                .allSatisfy(id -> assertThat(orders.get(placed.indexOf(id)).get("status").asString()).isEqualTo("CANCELLED"));

        Instant secondPlaced = Instant.parse(orders.get(1).get("createdAt").asString());
        Instant fourthPlaced = Instant.parse(orders.get(3).get("createdAt").asString());
        JsonNode window = api.get("/api/orders?customerId=" + customer + "&from=" + secondPlaced + "&to=" + fourthPlaced);
        assertThat(ids(window)).containsExactly(placed.get(2), placed.get(1));
    }

    @Test
    void refusesAPageLargerThanOneHundred() {
        api.http.get().uri("/api/orders?size=101").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void showsTheHistoryAndTheRecordedEventsOfAnOrder() {
        String product = api.addProduct("Audited teapot", "20.00", 100);
        String customer = api.aCustomer();
        String orderId = api.placeOrder(customer, Map.of(product, 2));
        String status = api.awaitOrderStatus(orderId, "CONFIRMED", "CANCELLED").get("status").asString();

        JsonNode history = api.get("/api/orders/" + orderId + "/history");
        JsonNode timeline = api.get("/api/orders/" + orderId + "/events");

        List<String> changes = new ArrayList<>();
        history.get("changes").forEach(change -> changes.add(change.get("status").asString()));
        assertThat(changes).startsWith("PENDING", "AWAITING_PAYMENT").endsWith(status);
        assertThat(history.get("changes").get(0).get("event").asString()).isEqualTo("OrderPlaced");

        JsonNode events = timeline.get("events");
        assertThat(timeline.get("aggregateType").asString()).isEqualTo("Order");
        assertThat(events.get(0).get("type").asString()).isEqualTo("OrderPlaced");
        assertThat(events.get(0).get("sequence").asLong()).isZero();
        assertThat(events.get(0).get("payload").get("customerId").asString()).isEqualTo(customer);
        assertThat(events.get(0).get("payload").get("total").get("amount").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(events.get(0).get("metadata").get("customerId").asString()).isEqualTo(customer);
        assertThat(events.get(0).get("metadata").get("traceId")).as("trace id of the request").isNotNull();
        assertThat(history.get("changes").get(0).get("eventId").asString()).isEqualTo(events.get(0).get("eventId").asString());
        for (int index = 1; index < events.size(); index++) {
            assertThat(events.get(index).get("sequence").asLong()).isEqualTo(index);
        }
        events.forEach(event -> assertThat(event.get("revision").asString()).as("the revision of its type").isEqualTo("1"));
        assertThat(events.get(0).get("payload").get("total").has("negative")).as("no derived field stored").isFalse();
    }

    @Test
    void showsTheRecordedStockEventsOfAProductAndNothingForUnknownIds() {
        String product = api.addProduct("Audited cup", "5.00", 10);
        api.placeOrder(api.aCustomer(), Map.of(product, 1));

        // added, reserved, then committed or released: a third event means there is a second page
        JsonNode timeline = await().atMost(Duration.ofSeconds(60)).until(
                () -> api.get("/api/products/" + product + "/events?limit=2"),
                page -> page != null && !page.get("nextSequence").isNull());

        assertThat(timeline.get("aggregateType").asString()).isEqualTo("Inventory");
        assertThat(timeline.get("events").get(0).get("type").asString()).isEqualTo("ProductAdded");
        assertThat(timeline.get("events").get(1).get("type").asString()).isEqualTo("StockReserved");
        assertThat(timeline.get("nextSequence").asLong()).isEqualTo(2);
        api.http.get().uri("/api/products/{id}/events", "no-such-product").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PRODUCT_NOT_FOUND");
        api.http.get().uri("/api/orders/{id}/events", product).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ORDER_NOT_FOUND");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("orderId").asString()));
        return ids;
    }
}

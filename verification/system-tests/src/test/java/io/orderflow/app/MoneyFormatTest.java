package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One money format everywhere: the same order read as {@code GET}, in the list, on its SSE stream, on the
 * administrators' board and in its event timeline shows every amount as the same JSON number at the
 * currency's scale (34.90 and 0.00 in EUR, 1500 in JPY), beside its currency. The bodies are read as
 * text: a JSON parser would make 34.9 and 34.90 the same number and hide the very difference tested.
 */
@OrderflowTest
class MoneyFormatTest {

    /** A money field of a view or of a stored {@code Money} ({@code amount}) and the number literal it holds. */
    private static final Pattern MONEY_FIELD = Pattern.compile(
            "\"(unitPrice|lineTotal|subtotal|tax|total|price|amount)\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)");
    private static final Duration SETTLED = Duration.ofSeconds(60);
    /** Reads numbers as written (34.90 stays 34.90, not 34.9) and writes them back the same. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @LocalServerPort int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void showsTheSameOrderInEuroWithTwoDecimalsAsGetListStreamBoardAndTimeline() {
        // entered without its trailing zero: the catalogue holds it at the currency's scale
        String product = api.addProduct("Formatted kettle", "34.9", "EUR", 100);
        String customer = api.aCustomer();
        String orderId = api.placeOrder(customer, Map.of(product, 1));
        api.awaitOrderStatus(orderId, "CONFIRMED", "CANCELLED");

        Map<String, List<String>> expected = Map.of(
                "unitPrice", List.of("34.90"), "lineTotal", List.of("34.90"),
                "subtotal", List.of("34.90"), "tax", List.of("0.00"), "total", List.of("34.90"));
        assertThat(moneyIn(text("/api/orders/" + orderId))).as("GET /api/orders/{id}").isEqualTo(expected);
        assertThat(moneyIn(item(text("/api/orders?customerId=" + customer), "items", "orderId", orderId))).as("GET /api/orders")
                .isEqualTo(expected);
        assertThat(moneyIn(firstData("/api/orders/" + orderId + "/stream", "order", orderId))).as("order stream").isEqualTo(expected);
        assertThat(moneyIn(item(firstData("/api/customers/" + customer + "/orders/stream", "orders", orderId), "items", "orderId", orderId)))
                .as("customer's order stream").isEqualTo(expected);
        assertThat(moneyIn(item(firstData("/api/admin/orders/stream?size=100", "orders", orderId), "items", "orderId", orderId)))
                .as("administrators' board").isEqualTo(expected);
        assertThat(moneyIn(orderPlacedPayload(orderId))).as("OrderPlaced in the event timeline")
                .isEqualTo(Map.of("amount", List.of("0.00", "34.90")));

        Map<String, List<String>> price = Map.of("price", List.of("34.90"));
        assertThat(moneyIn(text("/api/products/" + product))).as("GET /api/products/{id}").isEqualTo(price);
        assertThat(moneyIn(item(text("/api/products"), null, "productId", product))).as("GET /api/products").isEqualTo(price);
        assertThat(moneyIn(item(firstData("/api/products/stream", "products", product), null, "productId", product)))
                .as("catalogue stream").isEqualTo(price);
    }

    @Test
    void showsAnOrderInYenWithoutDecimals() {
        String product = api.addProduct("Formatted teacup", "1500", "JPY", 100);
        String customer = api.aCustomer();
        String orderId = api.placeOrder(customer, Map.of(product, 2));
        api.awaitOrderStatus(orderId, "CONFIRMED", "CANCELLED");

        Map<String, List<String>> expected = Map.of(
                "unitPrice", List.of("1500"), "lineTotal", List.of("3000"),
                "subtotal", List.of("3000"), "tax", List.of("0"), "total", List.of("3000"));
        String order = text("/api/orders/" + orderId);
        assertThat(EXACT.readTree(order).get("currency").asString()).isEqualTo("JPY");
        assertThat(moneyIn(order)).as("GET /api/orders/{id}").isEqualTo(expected);
        assertThat(moneyIn(item(text("/api/orders?customerId=" + customer), "items", "orderId", orderId))).as("GET /api/orders")
                .isEqualTo(expected);
        assertThat(moneyIn(firstData("/api/orders/" + orderId + "/stream", "order", orderId))).as("order stream").isEqualTo(expected);
        assertThat(moneyIn(orderPlacedPayload(orderId))).as("OrderPlaced in the event timeline")
                .isEqualTo(Map.of("amount", List.of("0", "1500", "3000")));
        assertThat(moneyIn(text("/api/products/" + product))).as("GET /api/products/{id}").isEqualTo(Map.of("price", List.of("1500")));
    }

    private String text(String path) {
        return api.http.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The data of the first event named {@code name} that mentions {@code id}, as sent. */
    private String firstData(String path, String name, String id) {
        return api.http.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody()
                .filter(event -> name.equals(event.event()) && event.data() != null && event.data().contains(id))
                .map(ServerSentEvent::data)
                .blockFirst(SETTLED);
    }

    /** The stored payload of the order's OrderPlaced, as the timeline answers it. */
    private String orderPlacedPayload(String orderId) {
        String timeline = await().atMost(SETTLED).until(() -> text("/api/orders/" + orderId + "/events"),
                body -> body.contains("OrderPlaced"));
        return EXACT.writeValueAsString(EXACT.readTree(timeline).get("events").get(0).get("payload"));
    }

    /**
     * The element of the array {@code arrayField} of {@code json} (or of {@code json} itself when null) whose
     * {@code idField} is {@code id}, written back with its numbers exactly as they were read.
     */
    private static String item(String json, String arrayField, String idField, String id) {
        JsonNode tree = EXACT.readTree(json);
        JsonNode array = arrayField == null ? tree : tree.get(arrayField);
        for (JsonNode element : array) {
            if (id.equals(element.get(idField).asString())) {
                return EXACT.writeValueAsString(element);
            }
        }
        throw new AssertionError("no " + idField + " " + id + " in " + json);
    }

    /** Each money field's distinct number literals, sorted, exactly as written in {@code json}. */
    private static Map<String, List<String>> moneyIn(String json) {
        assertThat(json).as("a body").isNotNull();
        Map<String, TreeSet<String>> found = new TreeMap<>();
        Matcher matcher = MONEY_FIELD.matcher(json);
        while (matcher.find()) {
            found.computeIfAbsent(matcher.group(1), field -> new TreeSet<>()).add(matcher.group(2));
        }
        Map<String, List<String>> literals = new TreeMap<>();
        found.forEach((field, values) -> literals.put(field, List.copyOf(values)));
        return literals;
    }
}

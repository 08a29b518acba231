package io.orderflow.app;

import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A small HTTP client over the running application, for readable end-to-end tests. */
final class Api {

    final WebTestClient http;

    Api(int port) {
        this.http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    String addProduct(String name, String price, int stock) {
        JsonNode body = http.post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "price", new BigDecimal(price), "currency", "EUR", "initialStock", stock))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String productId = body.get("productId").asString();
        awaitProduct(productId, product -> true);
        return productId;
    }

    JsonNode awaitProduct(String productId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/products/" + productId), 
                product -> product != null && condition.test(product));
    }

    String placeOrder(String customerId, Map<String, Integer> quantities) {
        List<Map<String, Object>> lines = quantities.entrySet().stream()
                .map(line -> Map.<String, Object>of("productId", line.getKey(), "quantity", line.getValue()))
                .toList();
        JsonNode body = http.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", customerId, "lines", lines, "shippingAddress", address()))
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.get("orderId").asString();
    }

    JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/orders/" + orderId),
                order -> order != null && condition.test(order));
    }

    JsonNode awaitOrderStatus(String orderId, String... statuses) {
        List<String> wanted = List.of(statuses);
        return awaitOrder(orderId, order -> wanted.contains(order.get("status").asString()));
    }

    JsonNode get(String path) {
        var result = http.get().uri(path).exchange().returnResult(JsonNode.class);
        return result.getStatus().is2xxSuccessful() ? result.getResponseBody().blockFirst() : null;
    }

    static Map<String, Object> address() {
        return Map.of("name", "Ada Lovelace", "line1", "12 Analytical Street", "city", "London",
                "postalCode", "N1 9GU", "country", "GB");
    }

    static String aCustomer() {
        return "customer-" + UUID.randomUUID();
    }
}

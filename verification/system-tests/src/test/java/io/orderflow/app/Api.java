package io.orderflow.app;

import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * A small HTTP client over the running application, for readable end-to-end tests. {@link #http} calls as
 * the administrator bootstrapped from {@link #ADMIN_EMAIL}; {@link #aCustomer()} registers a customer and
 * logs them in, and their orders are placed with their own token.
 */
final class Api {

    static final String ADMIN_EMAIL = "admin@orderflow.test";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** The properties that bootstrap that administrator, for every application a test starts. */
    static final String[] ADMIN_PROPERTIES = {"orderflow.auth.admin.email=" + ADMIN_EMAIL,
            "orderflow.auth.admin.password=" + ADMIN_PASSWORD};
    static final String PASSWORD = "customer-password";

    /** Without a token. */
    final WebTestClient anonymous;
    /** As the administrator. */
    final WebTestClient http;
    private final Map<String, WebTestClient> customers = new ConcurrentHashMap<>();
    private final Map<String, String> ownerOfOrder = new ConcurrentHashMap<>();

    Api(int port) {
        this.anonymous = client("http://localhost:" + port);
        this.http = withToken(token(ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    /** The management server (metrics, Prometheus, detailed health), which listens on loopback only. */
    static WebTestClient management(int managementPort) {
        // the whole suite's HTTP histograms make a scrape larger than the client's default 256 KB buffer
        return client("http://127.0.0.1:" + managementPort).mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    private static WebTestClient client(String baseUrl) {
        // a connection per request: a response a test leaves unread then never holds a pooled connection
        // that later requests of other tests would wait for
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Registers a new customer, logs them in and answers their customer id (the account id). */
    String aCustomer() {
        String email = "customer-" + UUID.randomUUID() + "@orderflow.test";
        String customerId = register(email, PASSWORD, "Ada Lovelace").get("accountId").asString();
        customers.put(customerId, withToken(token(email, PASSWORD)));
        return customerId;
    }

    /** The client of a customer registered by {@link #aCustomer()}. */
    WebTestClient as(String customerId) {
        WebTestClient client = customers.get(customerId);
        if (client == null) {
            throw new IllegalArgumentException("not a customer of this Api: " + customerId);
        }
        return client;
    }

    /** The client of the customer who placed {@code orderId} through {@link #placeOrder}. */
    WebTestClient asOwnerOf(String orderId) {
        return as(ownerOfOrder.get(orderId));
    }

    JsonNode register(String email, String password, String name) {
        return anonymous.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password, "name", name))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    String token(String email, String password) {
        return anonymous.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("accessToken").asString();
    }

    WebTestClient withToken(String token) {
        return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    String addProduct(String name, String price, int stock) {
        return addProduct(name, price, "EUR", stock);
    }

    String addProduct(String name, String price, String currency, int stock) {
        JsonNode body = http.post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "price", new BigDecimal(price), "currency", currency, "initialStock", stock))
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

    /** Places an order as {@code customerId}, a customer registered by {@link #aCustomer()}. */
    String placeOrder(String customerId, Map<String, Integer> quantities) {
        JsonNode body = as(customerId).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(anOrder(customerId, quantities))
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String orderId = body.get("orderId").asString();
        ownerOfOrder.put(orderId, customerId);
        return orderId;
    }

    static Map<String, Object> anOrder(String customerId, Map<String, Integer> quantities) {
        List<Map<String, Object>> lines = quantities.entrySet().stream()
                .map(line -> Map.<String, Object>of("productId", line.getKey(), "quantity", line.getValue()))
                .toList();
        return Map.of("customerId", customerId, "lines", lines, "shippingAddress", address());
    }

    JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/orders/" + orderId),
                order -> order != null && condition.test(order));
    }

    JsonNode awaitOrderStatus(String orderId, String... statuses) {
        List<String> wanted = List.of(statuses);
        return awaitOrder(orderId, order -> wanted.contains(order.get("status").asString()));
    }

    /** Reads as the administrator, who may read every order. */
    JsonNode get(String path) {
        // the body is always read, a 404 problem document too, so that the connection is released
        var result = http.get().uri(path).exchange().expectBody(JsonNode.class).returnResult();
        return result.getStatus().is2xxSuccessful() ? result.getResponseBody() : null;
    }

    static Map<String, Object> address() {
        return Map.of("name", "Ada Lovelace", "line1", "12 Analytical Street", "city", "London",
                "postalCode", "N1 9GU", "country", "GB");
    }
}

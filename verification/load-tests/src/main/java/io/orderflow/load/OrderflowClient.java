package io.orderflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The few blocking calls a simulation makes before and after its load: tokens, a product, customers,
 * and reading orders back. Not part of the measured load.
 */
final class OrderflowClient {

    static final String CUSTOMER_PASSWORD = "load-test-password";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    OrderflowClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String token(String email, String password) {
        return post("/api/auth/token", null, Map.of("email", email, "password", password), 200).get("accessToken").asText();
    }

    /** Registers a new customer and answers their {@code id} and {@code token}. */
    Map<String, String> newCustomer() {
        String email = "load-" + UUID.randomUUID() + "@orderflow.test";
        String id = post("/api/auth/register", null, Map.of("email", email, "password", CUSTOMER_PASSWORD, "name", "Load Tester"), 201)
                .get("accountId").asText();
        return Map.of("customerId", id, "token", token(email, CUSTOMER_PASSWORD));
    }

    /** Adds a product and waits until the catalogue shows it. */
    String addProduct(String adminToken, String name, String price, int stock) {
        String productId = post("/api/admin/products", adminToken,
                Map.of("name", name, "price", price, "currency", "EUR", "initialStock", stock), 201).get("productId").asText();
        Instant deadline = Instant.now().plusSeconds(60);
        while (get("/api/products/" + productId, adminToken) == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Product " + productId + " did not appear in the catalogue within 60 s");
            }
            sleep(Duration.ofMillis(200));
        }
        return productId;
    }

    /** The body of a 2xx answer to GET {@code path}, or null. */
    JsonNode get(String path, String token) {
        HttpResponse<String> response = send(request(path, token).GET().build());
        return response.statusCode() / 100 == 2 ? parse(response.body()) : null;
    }

    private JsonNode post(String path, String token, Object body, int expectedStatus) {
        try {
            HttpResponse<String> response = send(request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.orderflow.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public HTTP API of one instance, as a shop's front end would call it: registration, login,
 * products (as the administrator), orders with an {@code Idempotency-Key}. Failures are answered, not
 * thrown, so a load loop can tell a refused request from an instance that is down.
 */
final class ShopClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** An HTTP answer; status 0 when there was none (connection refused, reset, timed out). */
    record Answer(int status, JsonNode body, String error) {
        boolean is(int expected) {
            return status == expected;
        }

        String text(String field) {
            return body == null || !body.hasNonNull(field) ? null : body.get(field).asText();
        }
    }

    private final String baseUrl;

    ShopClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    Answer register(String email, String password) {
        return post("/api/auth/register", null, null, Map.of("email", email, "password", password, "name", "Proof Customer"));
    }

    Answer token(String email, String password) {
        return post("/api/auth/token", null, null, Map.of("email", email, "password", password));
    }

    /** Registers a new customer and logs them in; answers their bearer token, or null if the instance refused. */
    String newCustomerToken() {
        String email = "proof-" + UUID.randomUUID() + "@proof.test";
        String password = "proof-customer-password";
        Answer registered = register(email, password);
        if (!registered.is(201)) {
            return null;
        }
        return token(email, password).text("accessToken");
    }

    String adminToken() {
        return token(AppInstance.ADMIN_EMAIL, AppInstance.ADMIN_PASSWORD).text("accessToken");
    }

    Answer addProduct(String adminToken, String name, String price, int stock) {
        return post("/api/admin/products", adminToken, null,
                Map.of("name", name, "price", new BigDecimal(price), "currency", "EUR", "initialStock", stock));
    }

    Answer restock(String adminToken, String productId, int quantity) {
        return post("/api/admin/products/" + productId + "/restock", adminToken, null, Map.of("quantity", quantity));
    }

    Answer placeOrder(String token, String idempotencyKey, Map<String, Integer> quantities) {
        List<Map<String, Object>> lines = quantities.entrySet().stream()
                .map(line -> Map.<String, Object>of("productId", line.getKey(), "quantity", line.getValue()))
                .toList();
        Map<String, Object> address = Map.of("name", "Proof Customer", "line1", "1 Loopback Road", "city", "Localhost",
                "postalCode", "12345", "country", "DE");
        return post("/api/orders", token, idempotencyKey, Map.of("lines", lines, "shippingAddress", address));
    }

    Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Answer post(String path, String token, String idempotencyKey, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return send(request.build());
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        }
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = null;
            if (response.body().length > 0) {
                try {
                    body = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    body = null;
                }
            }
            return new Answer(response.statusCode(), body, null);
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }
}

package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document of the running application describes exactly its real endpoints, with their errors. */
@OrderflowTest
class OpenApiDocumentTest {

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;
    Api api;
    JsonNode document;

    @BeforeEach
    void fetchTheDocumentWithoutAToken() {
        api = new Api(port);
        document = api.anonymous.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void documentsEveryEndpointAndNothingElse() {
        Set<String> real = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((mapping, handler) -> {
            if (isOurs(handler)) {
                mapping.getPatternsCondition().getPatterns().forEach(pattern -> mapping.getMethodsCondition().getMethods()
                        .forEach(method -> real.add(method.name() + " " + pattern.getPatternString())));
            }
        });
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey().toUpperCase() + " " + path.getKey())));

        assertThat(real).contains("POST /api/orders", "POST /api/auth/token", "GET /.well-known/jwks.json");
        assertThat(documented).isEqualTo(real);
    }

    @Test
    void declaresTheBearerSchemeAndUsesItOnEveryProtectedOperation() {
        JsonNode scheme = document.at("/components/securitySchemes/bearer-jwt");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");

        assertThat(operation("post", "/api/orders").get("security").toString()).contains("bearer-jwt");
        assertThat(operation("post", "/api/admin/products").get("security").toString()).contains("bearer-jwt");
        assertThat(operation("get", "/api/products").has("security")).isFalse();
        assertThat(operation("post", "/api/auth/token").has("security")).isFalse();
    }

    @Test
    void documentsProblemResponsesWithExamplesOnEveryOperation() {
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().get("responses");
            for (String status : new String[] {"406", "429", "500", "503", "504"}) {
                JsonNode problem = responses.at("/" + status + "/content/application~1problem+json");
                assertThat(problem.isMissingNode()).as("%s %s answers %s", operation.getKey(), path.getKey(), status).isFalse();
                assertThat(problem.at("/schema/$ref").asString()).isEqualTo("#/components/schemas/Problem");
                assertThat(problem.get("examples").isEmpty()).isFalse();
            }
        }));
        JsonNode placeOrder = operation("post", "/api/orders").get("responses");
        assertThat(placeOrder.properties().stream().map(java.util.Map.Entry::getKey).toList())
                .contains("202", "400", "401", "403", "409", "413", "415", "422", "429");
        assertThat(placeOrder.at("/409/content/application~1problem+json/examples/IDEMPOTENCY_KEY_IN_USE/value/code").asString())
                .isEqualTo("IDEMPOTENCY_KEY_IN_USE");
        assertThat(document.at("/components/schemas/Problem/properties/code/enum").toString())
                .as(document.at("/components/schemas").toString()).contains("RATE_LIMITED");
    }

    @Test
    void documentsEveryAmountAsADecimalAtItsCurrencysScale() {
        List<String> amounts = List.of("OrderView/properties/subtotal", "OrderView/properties/tax", "OrderView/properties/total",
                "OrderLineView/properties/unitPrice", "OrderLineView/properties/lineTotal", "ProductView/properties/price");

        assertThat(amounts).allSatisfy(amount -> {
            JsonNode field = document.at("/components/schemas/" + amount);
            assertThat(field.get("type").asString()).as(amount).isEqualTo("number");
            assertThat(field.get("description").asString()).as(amount).contains("at the currency's scale", "34.90", "0.00", "1500");
        });
        assertThat(document.at("/components/schemas/OrderView/properties/currency/description").asString()).contains("ISO 4217");
        assertThat(document.at("/components/schemas/AddProductRequest/properties/price/description").asString())
                .contains("no more decimals than the currency has");
    }

    @Test
    void documentsTheIdempotencyKeyHeader() {
        Set<String> headers = new HashSet<>();
        operation("post", "/api/orders").get("parameters").forEach(parameter -> headers.add(parameter.get("name").asString()));
        assertThat(headers).contains("Idempotency-Key").doesNotContain("authentication", "httpRequest");
        assertThat(operation("post", "/api/orders").at("/responses/202/headers/X-Trace-Id").isMissingNode()).isFalse();
    }

    @Test
    void servesSwaggerUiWithItsOwnContentPolicy() {
        api.anonymous.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy).contains("script-src 'self'"));
    }

    private JsonNode operation(String method, String path) {
        return document.get("paths").get(path).get(method);
    }

    private static boolean isOurs(Object handler) {
        return handler instanceof HandlerMethod method && method.getBeanType().getPackageName().startsWith("io.orderflow");
    }
}

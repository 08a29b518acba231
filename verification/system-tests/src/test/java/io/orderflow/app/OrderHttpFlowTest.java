package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** Drives the running application over HTTP, on real PostgreSQL and Kafka. */
@OrderflowTest
class OrderHttpFlowTest {

    @LocalServerPort int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void addsAProductAndShowsItsStock() {
        String productId = api.addProduct("Kalita wave filter", "8.40", 30);

        JsonNode product = api.get("/api/products/" + productId);
        assertThat(product.get("name").asString()).isEqualTo("Kalita wave filter");
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("8.40");
        assertThat(product.get("currency").asString()).isEqualTo("EUR");
        assertThat(product.get("available").asInt()).isEqualTo(30);
        assertThat(product.get("reserved").asInt()).isZero();
        assertThat(product.get("committed").asInt()).isZero();
    }

    @Test
    void aProductIsInTheCatalogueAndOrderableAsSoonAsItsAdditionIsAnswered() {
        String customer = api.aCustomer();
        for (int i = 0; i < 10; i++) {
            String productId = api.http.post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Fresh roast " + i, "price", "9.90", "currency", "EUR", "initialStock", 3))
                    .exchange().expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("productId").asString();

            api.http.get().uri("/api/products/{id}", productId).exchange().expectStatus().isOk();
            api.as(customer).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Api.anOrder(customer, Map.of(productId, 1)))
                    .exchange().expectStatus().isAccepted();
        }
    }

    @Test
    void restockAddsToAvailableStock() {
        String productId = api.addProduct("Filter papers", "4.00", 5);

        api.http.post().uri("/api/admin/products/{id}/restock", productId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", 7)).exchange().expectStatus().isAccepted();

        api.awaitProduct(productId, product -> product.get("available").asInt() == 12);
    }

    @Test
    void placesAnOrderPricedFromTheCatalogueAndReadsItBack() {
        String beans = api.addProduct("Ethiopia Guji 250 g", "12.50", 100);
        String grinder = api.addProduct("Burr grinder", "80.00", 100);
        String customer = api.aCustomer();

        var response = api.as(customer).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", customer,
                        "lines", java.util.List.of(Map.of("productId", beans, "quantity", 2), Map.of("productId", grinder, "quantity", 1)),
                        "shippingAddress", Api.address()))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult();
        String orderId = response.getResponseBody().get("orderId").asString();
        assertThat(response.getResponseBody().get("status").asString()).isEqualTo("PENDING");
        assertThat(response.getResponseHeaders().getLocation()).hasToString("/api/orders/" + orderId);

        JsonNode order = api.awaitOrder(orderId, o -> true);
        assertThat(order.get("customerId").asString()).isEqualTo(customer);
        assertThat(order.get("subtotal").decimalValue()).isEqualByComparingTo("105.00");
        assertThat(order.get("tax").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("105.00");
        assertThat(order.get("currency").asString()).isEqualTo("EUR");
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.get("createdAt").asString()).isNotBlank();
        JsonNode beansLine = order.get("lines").get(0).get("productId").asString().equals(beans)
                ? order.get("lines").get(0) : order.get("lines").get(1);
        assertThat(beansLine.get("name").asString()).isEqualTo("Ethiopia Guji 250 g");
        assertThat(beansLine.get("unitPrice").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(beansLine.get("lineTotal").decimalValue()).isEqualByComparingTo("25.00");
    }

    @Test
    void refusesToShipAnOrderThatIsNotConfirmed() {
        String scarce = api.addProduct("Scarce gesha", "30.00", 1);
        String orderId = api.placeOrder(api.aCustomer(), Map.of(scarce, 2));
        JsonNode cancelled = api.awaitOrderStatus(orderId, "CANCELLED");
        assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("OUT_OF_STOCK");

        api.http.post().uri("/api/admin/orders/{id}/ship", orderId).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("ORDER_ALREADY_CANCELLED");
    }

    @Test
    void answersNotFoundForAnUnknownOrder() {
        String unknown = UUID.randomUUID().toString();
        api.http.get().uri("/api/orders/{id}", unknown).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ORDER_NOT_FOUND");
        api.http.post().uri("/api/admin/orders/{id}/ship", unknown).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void answersBadRequestForMalformedJson() {
        api.as(api.aCustomer()).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"customerId\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
    }
}

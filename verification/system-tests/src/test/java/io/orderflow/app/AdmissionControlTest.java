package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * Admission control on an instance of its own: with the order saga stopped, its backlog ages until new orders
 * are refused {@code 503 OVERLOADED} with {@code Retry-After}; a refused order leaves nothing behind, and once the
 * saga runs again, orders are accepted and every accepted one is finished.
 */
@OrderflowTest
class AdmissionControlTest {

    @Autowired JdbcTemplate sharedJdbc;
    @Value("${orderflow.db.url}") String sharedUrl;
    @Value("${orderflow.kafka.bootstrap-servers}") String kafkaServers;

    @Test
    void refusesNewOrdersWhileTheOrderProcessIsTooFarBehindAndAdmitsThemAgainWhenItCatchesUp() {
        String database = IsolatedInstance.freshDatabase(sharedJdbc, sharedUrl);
        try (IsolatedInstance app = IsolatedInstance.start(database, kafkaServers,
                "orderflow.edge.admission.max-wait=PT1S", "orderflow.edge.admission.sample-interval=PT0.1S")) {
            Api api = app.api();
            String product = api.addProduct("Admission kettle", "25.00", 1000);
            String customer = api.aCustomer();
            EventProcessor saga = app.bean(EventProcessingConfiguration.class).eventProcessor("order-saga").orElseThrow();
            List<String> accepted = new ArrayList<>();
            saga.shutDown();
            EntityExchangeResult<JsonNode> refused;
            String refusedKey;
            try {
                accepted.add(api.placeOrder(customer, Map.of(product, 1)));
                refusedKey = UUID.randomUUID().toString();
                refused = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    EntityExchangeResult<JsonNode> answer = place(api, customer, product, refusedKey);
                    if (answer.getStatus().value() == 202) {
                        accepted.add(answer.getResponseBody().get("orderId").asString());
                    }
                    return answer;
                }, answer -> answer.getStatus().value() == 503);

                assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(refused.getResponseBody().get("code").asString()).isEqualTo("OVERLOADED");
                assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                // only new orders are refused: reading one still works
                api.as(customer).get().uri("/api/orders/{id}", accepted.get(0)).exchange().expectStatus().isOk();
            } finally {
                saga.start();
            }

            // the refused request stored nothing under its key: once admitted, the same key places the order
            EntityExchangeResult<JsonNode> retried = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> place(api, customer, product, refusedKey), answer -> answer.getStatus().value() != 503);
            assertThat(retried.getStatus().value()).isEqualTo(202);
            accepted.add(retried.getResponseBody().get("orderId").asString());
            accepted.forEach(order -> api.awaitOrderStatus(order, "CONFIRMED", "CANCELLED"));
        }
    }

    private static EntityExchangeResult<JsonNode> place(Api api, String customer, String product, String key) {
        return api.as(customer).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key)
                .bodyValue(Api.anOrder(customer, Map.of(product, 1)))
                .exchange().expectBody(JsonNode.class).returnResult();
    }
}

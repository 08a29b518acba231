package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.platform.kafka.KafkaSettings;
import io.orderflow.testsupport.contracts.MessageSchema;
import io.orderflow.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the producers really send: orders in euros and in yen go through the whole process (charged, then
 * delivered or cancelled and refunded), and every record of theirs on {@code payments.requests} (the order
 * process), {@code payments.results} (the payment service) and {@code orders.events} (the outbox publisher) is
 * read back from the broker as bytes and checked against its topic's JSON Schema, its amounts at the
 * currency's scale.
 */
@OrderflowTest
class KafkaContractsTest {

    private static final Duration SETTLED = Duration.ofSeconds(60);
    private static final Map<String, String> SCHEMAS = Map.of(
            PaymentTopics.REQUESTS, PaymentRequest.SCHEMA,
            PaymentTopics.RESULTS, PaymentResult.SCHEMA,
            OrderLifecycleEvent.TOPIC, OrderLifecycleEvent.SCHEMA);
    /** Numbers as written: 34.90 stays 34.90. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @LocalServerPort int port;
    @Autowired KafkaSettings kafkaSettings;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void everyProducerSendsWhatItsTopicsSchemaSaysWithAmountsAtTheCurrencysScale() {
        String inEuro = api.addProduct("Contract kettle", "34.90", 100);
        String inYen = api.addProduct("Contract teacup", "1500", "JPY", 100);
        List<String> orders = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            orders.add(api.placeOrder(api.aCustomer(), Map.of(inEuro, 1)));
        }
        orders.add(api.placeOrder(api.aCustomer(), Map.of(inYen, 2)));
        boolean delivered = false;
        for (String orderId : orders) {
            if (api.awaitOrderStatus(orderId, "CONFIRMED", "CANCELLED").get("status").asString().equals("CONFIRMED")) {
                if (!delivered) {
                    api.http.post().uri("/api/admin/orders/{id}/ship", orderId).exchange().expectStatus().isAccepted();
                    api.http.post().uri("/api/admin/orders/{id}/deliver", orderId).exchange().expectStatus().isAccepted();
                    delivered = true;
                } else {
                    api.asOwnerOf(orderId).post().uri("/api/orders/{id}/cancel", orderId).exchange().expectStatus().isAccepted();
                }
            }
        }
        orders.forEach(orderId -> api.awaitOrderStatus(orderId, "DELIVERED", "CANCELLED"));

        // each order ends with a last event on orders.events: delivered, cancelled, or refunded after its cancellation
        List<ConsumerRecord<String, byte[]>> events = await().atMost(SETTLED)
                .until(() -> recordsOf(OrderLifecycleEvent.TOPIC, Set.copyOf(orders)), found -> orders.stream().allMatch(orderId ->
                        found.stream().filter(record -> record.key().equals(orderId)).map(KafkaContractsTest::type)
                                .anyMatch(type -> type.equals("OrderDelivered") || type.equals("OrderCancelled"))));
        List<ConsumerRecord<String, byte[]>> requests = recordsOf(PaymentTopics.REQUESTS, Set.copyOf(orders));
        List<ConsumerRecord<String, byte[]>> results = await().atMost(SETTLED)
                .until(() -> recordsOf(PaymentTopics.RESULTS, Set.copyOf(orders)), found -> found.size() >= orders.size());

        assertThat(requests).extracting(KafkaContractsTest::type).contains("CHARGE");
        assertThat(events).extracting(KafkaContractsTest::type).contains("OrderPlaced");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(requests);
        all.addAll(results);
        all.addAll(events);
        assertThat(all).allSatisfy(record -> {
            String message = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(MessageSchema.errors(SCHEMAS.get(record.topic()), record.value())).as(record.topic() + ": " + message).isEmpty();
            JsonNode json = EXACT.readTree(message);
            assertThat(json.get("orderId").asString()).as("keyed by its order id").isEqualTo(record.key());
            if (!json.get("amount").isNull()) {
                int digits = Currency.getInstance(json.get("currency").asString()).getDefaultFractionDigits();
                assertThat(json.get("amount").decimalValue().scale()).as(record.topic() + ": " + message).isEqualTo(digits);
            }
        });
        assertThat(all).extracting(record -> EXACT.readTree(record.value()).get("currency"))
                .filteredOn(currency -> !currency.isNull()).extracting(JsonNode::asString)
                .as("both currencies seen").contains("EUR", "JPY");
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        JsonNode json = EXACT.readTree(record.value());
        return json.has("type") ? json.get("type").asString() : json.get("outcome").asString();
    }

    /** Every record of {@code topic} keyed by one of {@code keys}, from the beginning to the current end. */
    private List<ConsumerRecord<String, byte[]>> recordsOf(String topic, Set<String> keys) {
        return TopicReader.recordsOf(kafkaSettings.bootstrapServers(), topic, keys::contains);
    }
}

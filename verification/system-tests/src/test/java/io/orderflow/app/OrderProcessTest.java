package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.notification.NotificationLog;
import io.orderflow.payment.PaymentLedger;
import io.orderflow.platform.kafka.KafkaPublisher;
import io.orderflow.platform.kafka.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The order process end to end: saga, inventory, payment service over Kafka, notifications. */
@OrderflowTest
class OrderProcessTest {

    @LocalServerPort int port;
    @Autowired PaymentLedger ledger;
    @Autowired NotificationLog notifications;
    @Autowired KafkaPublisher kafka;
    @Autowired KafkaSettings kafkaSettings;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void twoHundredOrdersWithMixedOutcomesAllSettleWithStockAndMoneyBalanced() {
        OrderOutcomes outcomes = new OrderOutcomes(api);
        outcomes.addProduct("Plentiful beans", "11.90", 250);
        outcomes.addProduct("Common filter", "5.25", 120);
        outcomes.addProduct("Rare cup", "42.00", 12);

        for (int i = 0; i < 200; i++) {
            outcomes.placeRandomOrder();
        }
        Map<String, JsonNode> settled = outcomes.awaitAllSettled();

        assertThat(OrderOutcomes.count(settled, "CONFIRMED", null)).as("confirmed").isPositive();
        assertThat(OrderOutcomes.count(settled, "CANCELLED", "PAYMENT_DECLINED")).as("declined").isPositive();
        assertThat(OrderOutcomes.count(settled, "CANCELLED", "OUT_OF_STOCK")).as("out of stock").isPositive();
        outcomes.assertStockBalances(settled);
        outcomes.assertPaymentsBalance(settled, ledger);
        settled.keySet().forEach(orderId -> await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications.forOrder(OrderId.of(orderId)).size() >= 2));
    }

    @Test
    void deadLettersAMalformedPaymentResultAndStillProcessesTheNextOne() {
        String garbageKey = "garbage-" + UUID.randomUUID();
        kafka.send(PaymentTopics.RESULTS, garbageKey, "{not json".getBytes(StandardCharsets.UTF_8), Map.of()).block();

        String product = api.addProduct("After the poison", "3.00", 10);
        String orderId = api.placeOrder(api.aCustomer(), Map.of(product, 1));

        api.awaitOrderStatus(orderId, "CONFIRMED", "CANCELLED");
        JsonNode order = api.get("/api/orders/" + orderId);
        assertThat(order.get("cancellationReason").isNull() || !order.get("cancellationReason").asString().equals("PAYMENT_TIMEOUT"))
                .as("the payment result after the poison message was processed, not timed out").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterKeys(PaymentTopics.RESULTS).contains(garbageKey));
    }

    private List<String> deadLetterKeys(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaSettings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> keys = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic + KafkaSettings.DEAD_LETTER_SUFFIX));
            long until = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}

package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.payment.PaymentLedger;
import io.orderflow.testsupport.kafka.KafkaBrokerProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Kafka killed mid-run for four times the payment timeout and started again: orders placed before and during
 * the outage all settle, with stock and money balanced, and none is cancelled for a payment timeout, since the
 * payment deadline runs only while the payment channel is open (docs/decisions/0017). The event store is the
 * outbox; consumers commit after success.
 */
@OrderflowTest
class KafkaOutageTest {

    @Autowired JdbcTemplate sharedJdbc;
    @Value("${orderflow.db.url}") String sharedUrl;

    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration OUTAGE = PAYMENT_TIMEOUT.multipliedBy(4);

    @Test
    void losesNothingAndTimesNoPaymentOutWhileKafkaIsDownLongerThanThePaymentTimeout() throws InterruptedException {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess()) {
            broker.start();
            String database = IsolatedInstance.freshDatabase(sharedJdbc, sharedUrl);
            try (IsolatedInstance app = IsolatedInstance.start(database, broker.bootstrapServers(),
                    "orderflow.saga.payment-timeout=" + PAYMENT_TIMEOUT, "orderflow.kafka.send-timeout=PT3S")) {
                OrderOutcomes outcomes = new OrderOutcomes(app.api());
                outcomes.addProduct("Outage beans", "9.50", 80);
                outcomes.addProduct("Outage mug", "14.00", 30);
                for (int i = 0; i < 20; i++) {
                    outcomes.placeRandomOrder();
                }

                broker.kill();
                long killedAt = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    outcomes.placeRandomOrder();
                }
                // not ready without Kafka, but alive: nothing to restart
                Api api = app.api();
                app.management().get().uri("/actuator/health/kafka").exchange()
                        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                        .expectBody().jsonPath("$.status").isEqualTo("DOWN");
                api.anonymous.get().uri("/readyz").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                api.anonymous.get().uri("/livez").exchange().expectStatus().isOk();
                Duration down = Duration.ofNanos(System.nanoTime() - killedAt);
                if (down.compareTo(OUTAGE) < 0) {
                    Thread.sleep(OUTAGE.minus(down).toMillis());
                }
                broker.start();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> app.management().get().uri("/actuator/health/kafka")
                        .exchange().expectStatus().isOk());

                Map<String, JsonNode> settled = outcomes.awaitAllSettled();
                assertThat(settled).hasSize(40);
                assertThat(OrderOutcomes.count(settled, "CANCELLED", "PAYMENT_TIMEOUT"))
                        .as("no payment request or result was lost, and no deadline ran out while the broker was away").isZero();
                outcomes.assertStockBalances(settled);
                outcomes.assertPaymentsBalance(settled, app.bean(PaymentLedger.class));
            }
        }
    }
}

package io.orderflow.notification;

import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.platform.kafka.KafkaPublisher;
import io.orderflow.platform.kafka.KafkaSettings;
import io.orderflow.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The test's side of {@code orders.events}: publishes as the order module would, and reads the dead letters back. */
final class OrderEventsTopic implements AutoCloseable {

    static final String DEAD_LETTER_TOPIC = OrderLifecycleEvent.TOPIC + KafkaSettings.DEAD_LETTER_SUFFIX;

    private final KafkaSettings settings;
    private final KafkaPublisher publisher;

    OrderEventsTopic(KafkaSettings settings) {
        this.settings = settings;
        this.publisher = new KafkaPublisher(settings, Duration.ofSeconds(10));
    }

    /** Publishes events keyed by their order id, each acknowledged by the broker before the next. */
    void publish(OrderLifecycleEvent... events) {
        for (OrderLifecycleEvent event : events) {
            publisher.sendJsonAndWait(OrderLifecycleEvent.TOPIC, event.orderId(), event, Map.of());
        }
    }

    void publishRaw(String orderId, String value) {
        publisher.send(OrderLifecycleEvent.TOPIC, orderId, value.getBytes(StandardCharsets.UTF_8), Map.of()).block();
    }

    /** Every dead letter of {@code orders.events} keyed by the order id, read from the beginning to the current end. */
    List<ConsumerRecord<String, byte[]>> deadLettersOf(String orderId) {
        return TopicReader.recordsOf(settings.bootstrapServers(), DEAD_LETTER_TOPIC, orderId::equals);
    }

    @Override
    public void close() {
        publisher.close();
    }
}

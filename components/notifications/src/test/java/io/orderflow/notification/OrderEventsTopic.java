package io.orderflow.notification;

import io.orderflow.contracts.integration.OrderLifecycleEvent;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

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
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTER_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (orderId.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        publisher.close();
    }
}

package io.orderflow.payment;

import static org.awaitility.Awaitility.await;

import io.orderflow.platform.kafka.KafkaJson;
import io.orderflow.platform.kafka.KafkaMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A plain Kafka consumer reading one topic from its beginning, as any outside client would. */
final class TopicReader implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Waits until {@code count} records with this key were read, and answers them in the order of their partition. */
    List<ConsumerRecord<String, byte[]>> awaitRecordsKeyed(String key, int count) {
        Predicate<ConsumerRecord<String, byte[]>> keyed = record -> key.equals(record.key());
        await().atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            return read.stream().filter(keyed).count() >= count;
        });
        return read.stream().filter(keyed).toList();
    }

    static <T> T json(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return KafkaJson.read(new KafkaMessage(record.topic(), record.partition(), record.offset(), record.key(), record.value(), Map.of()), type);
    }

    static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        consumer.close();
    }
}

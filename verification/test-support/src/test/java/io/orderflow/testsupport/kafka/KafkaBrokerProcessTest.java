package io.orderflow.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testsupport.process.Net;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

    private static final String TOPIC = "harness-check";

    @Test
    void comesBackAfterAKillOnTheSameAddressWithWhatItHad(@TempDir Path workDir) throws Exception {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess(workDir)) {
            broker.start();
            String address = broker.bootstrapServers();
            long firstPid = broker.pid();
            send(address, "before the crash");

            broker.kill();
            assertThat(broker.pid()).isEqualTo(-1);
            assertThat(broker.stops()).isEqualTo(1);
            assertThat(Net.accepts(port(address))).as("nothing listens while the broker is down").isFalse();

            broker.start();
            assertThat(broker.bootstrapServers()).isEqualTo(address);
            assertThat(broker.pid()).isPositive().isNotEqualTo(firstPid);
            assertThat(read(address)).containsExactly("before the crash");
        }
    }

    private static int port(String bootstrapServers) {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    private static void send(String bootstrapServers, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value)).get();
        }
    }

    /** Every record of the topic, from the beginning to its current end. */
    private static List<String> read(String bootstrapServers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "harness-check-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(60)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}

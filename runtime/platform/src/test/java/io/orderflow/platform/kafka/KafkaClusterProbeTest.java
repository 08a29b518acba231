package io.orderflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.embedded.EmbeddedKafkaServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How far a consumer group got in a topic, asked of a real KRaft broker: what the payment deadline asks of the payment service. */
class KafkaClusterProbeTest {

    private static String servers;
    private static Admin admin;
    private static KafkaClusterProbe probe;

    @BeforeAll
    static void startBroker() {
        servers = EmbeddedKafkaServer.bootstrapServers(0, 1);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        probe = new KafkaClusterProbe(new KafkaSettings(servers, 2, (short) 1, List.of(), Duration.ofSeconds(10)), Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() {
        probe.close();
        admin.close();
    }

    @Test
    void aGroupBehindRecordsWrittenBeforeAnInstantHasLeftThemUnconsumed() throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        send(topic, 0, "first", "second");
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        send(topic, 0, "third");
        send(topic, 1, "elsewhere");

        commit(topic, "payments", Map.of(0, 1L));
        assertThat(probe.leftUnconsumedBefore(topic, "payments", between)).as("the second record, written before, unread").contains(true);

        commit(topic, "payments", Map.of(0, 2L));
        assertThat(probe.leftUnconsumedBefore(topic, "payments", between))
                .as("every record written before is read; a partition the group never read holds none of those").contains(false);
        assertThat(probe.leftUnconsumedBefore(topic, "payments", Instant.now().plusSeconds(60)))
                .as("the third record and the other partition's, written before a later instant, unread").contains(true);

        commit(topic, "payments", Map.of(0, 3L, 1, 1L));
        assertThat(probe.leftUnconsumedBefore(topic, "payments", Instant.now().plusSeconds(60))).contains(false);
    }

    @Test
    void aGroupThatNeverCommittedOnTheTopicTellsNothing() throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        send(topic, 0, "unread");

        assertThat(probe.leftUnconsumedBefore(topic, "no-such-group", Instant.now().plusSeconds(60))).isEmpty();
    }

    private static void send(String topic, int partition, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, partition, value, value)).get();
            }
        }
    }

    private static void commit(String topic, String group, Map<Integer, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> positions = new java.util.HashMap<>();
        offsets.forEach((partition, offset) -> positions.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, positions).all().get();
    }
}

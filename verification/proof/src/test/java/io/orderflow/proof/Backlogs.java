package io.orderflow.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where work queues up while the benchmark loads the system: every few seconds, how many events each event
 * processor is behind the head of the event store (from its tokens) and how many records each Kafka
 * consumer group is behind its topics. The stage with the largest backlog is the one that limits.
 */
final class Backlogs implements AutoCloseable {

    private final Map<String, Long> largest = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private Backlogs(PostgresProcess postgres, String kafkaServers, Duration every) {
        sampler = new Thread(() -> {
            try (Connection connection = postgres.connect(); AdminClient kafka = admin(kafkaServers)) {
                while (running) {
                    processorLags(connection).forEach(this::record);
                    consumerLags(kafka).forEach(this::record);
                    Thread.sleep(every.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                largest.put("sampling failed: " + e, -1L);
            }
        }, "benchmark-backlogs");
        sampler.setDaemon(true);
        sampler.start();
    }

    static Backlogs sample(PostgresProcess postgres, String kafkaServers, Duration every) {
        return new Backlogs(postgres, kafkaServers, every);
    }

    String summary() {
        return "Largest backlog seen (events behind the head for processors, records for Kafka consumer groups): "
                + new TreeMap<>(largest).entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", ")) + "\n";
    }

    private void record(String stage, long backlog) {
        largest.merge(stage, backlog, Math::max);
    }

    private static Map<String, Long> processorLags(Connection connection) throws SQLException {
        Map<String, Long> lags = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            long head;
            try (ResultSet row = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM axon.domain_event_entry")) {
                row.next();
                head = row.getLong(1);
            }
            try (ResultSet rows = statement.executeQuery("SELECT processor_name, token FROM axon.token_entry WHERE token IS NOT NULL")) {
                while (rows.next()) {
                    long position = positionOf(rows.getBytes(2));
                    if (position >= 0) {
                        lags.merge("processor " + rows.getString(1), head - position, Math::max);
                    }
                }
            }
        }
        return lags;
    }

    /** The index of a stored tracking token (JSON; a replay token wraps the current one). */
    private static long positionOf(byte[] token) {
        try {
            JsonNode node = ShopClient.JSON.readTree(token);
            JsonNode current = node.has("tokenAtReset") ? node.path("currentToken") : node;
            return current.path("index").asLong(-1);
        } catch (java.io.IOException unreadable) {
            return -1;
        }
    }

    private static AdminClient admin(String servers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return AdminClient.create(properties);
    }

    private static Map<String, Long> consumerLags(AdminClient kafka) throws Exception {
        Map<String, Long> lags = new HashMap<>();
        for (ConsumerGroupListing group : kafka.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long lag = committed.entrySet().stream()
                    .mapToLong(entry -> ends.get(entry.getKey()).offset() - (entry.getValue() == null ? 0 : entry.getValue().offset()))
                    .sum();
            lags.put("consumer " + group.groupId(), lag);
        }
        return lags;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(10_000);
    }

}

package io.orderflow.platform.kafka;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Kafka is ({@code ORDERFLOW_KAFKA_BOOTSTRAP_SERVERS}; empty starts the embedded broker where module
 * {@code embedded-infrastructure} is on the class path, and fails start-up elsewhere) and the
 * topics the application provisions at start-up.
 *
 * @param partitions        partitions of each provisioned topic; messages are keyed by order id
 * @param replicationFactor replication of each provisioned topic (1 for a single broker)
 * @param topics            topics created if missing, each with its {@code <topic>.dlq} dead-letter topic
 * @param sessionTimeout    how long a consumer group waits for a member that stopped heartbeating (crashed) before
 *                          it gives its partitions to the others, or to the restarted instance; heartbeats every third
 */
@ConfigurationProperties("orderflow.kafka")
public record KafkaSettings(
        String bootstrapServers,
        @DefaultValue("4") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue({"payments.requests", "payments.results", "orders.events"}) List<String> topics,
        @DefaultValue("PT10S") Duration sessionTimeout) {

    public static final String DEAD_LETTER_SUFFIX = ".dlq";
}

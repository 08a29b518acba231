package io.orderflow.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the application's topics and their dead-letter topics when they do not exist yet. */
public final class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    private KafkaTopics() {
    }

    public static void provision(KafkaSettings settings) {
        if (settings.bootstrapServers() == null || settings.bootstrapServers().isBlank()) {
            throw new IllegalStateException("orderflow.kafka.bootstrap-servers (ORDERFLOW_KAFKA_BOOTSTRAP_SERVERS) is not"
                    + " set: give the Kafka brokers to use, host:9092. Only the launcher and the tests start an embedded"
                    + " broker for an empty address (module embedded-infrastructure).");
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : settings.topics()) {
                for (String name : List.of(topic, topic + KafkaSettings.DEAD_LETTER_SUFFIX)) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, settings.partitions(), settings.replicationFactor()));
                    }
                }
            }
            if (!missing.isEmpty()) {
                for (var created : admin.createTopics(missing).values().entrySet()) {
                    try {
                        created.getValue().get(30, TimeUnit.SECONDS);
                        log.info("Created Kafka topic {}", created.getKey());
                    } catch (ExecutionException e) {
                        // another instance starting at the same time created it first
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " is not reachable", e);
        }
    }
}

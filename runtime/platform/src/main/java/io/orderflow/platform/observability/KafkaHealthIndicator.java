package io.orderflow.platform.observability;

import io.orderflow.platform.kafka.KafkaClusterProbe;
import io.orderflow.platform.kafka.KafkaSettings;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Kafka is UP when the cluster answers a describe-cluster request within the timeout. */
class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private final KafkaClusterProbe probe;

    KafkaHealthIndicator(KafkaSettings settings, Duration timeout) {
        this.probe = new KafkaClusterProbe(settings, timeout);
    }

    @Override
    public Health health() {
        try {
            KafkaClusterProbe.Cluster cluster = probe.describe();
            return Health.up().withDetail("clusterId", cluster.id()).withDetail("brokers", cluster.brokers()).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.down(interrupted).build();
        } catch (Exception unreachable) {
            return Health.down().withDetail("error", unreachable.toString()).build();
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}

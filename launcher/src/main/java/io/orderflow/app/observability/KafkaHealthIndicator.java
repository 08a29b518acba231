package io.orderflow.app.observability;

import io.orderflow.platform.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Kafka is UP when the cluster answers a describe-cluster request within the timeout. */
class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private final AdminClient admin;
    private final Duration timeout;

    KafkaHealthIndicator(KafkaSettings settings, Duration timeout) {
        int millis = (int) timeout.toMillis();
        this.admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis));
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.down(interrupted).build();
        } catch (Exception unreachable) {
            return Health.down().withDetail("error", unreachable.toString()).build();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}

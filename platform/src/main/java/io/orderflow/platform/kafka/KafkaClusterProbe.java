package io.orderflow.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/** Asks the cluster to describe itself within a timeout: the health check of Kafka. */
public final class KafkaClusterProbe implements AutoCloseable {

    private final AdminClient admin;
    private final Duration timeout;

    public KafkaClusterProbe(KafkaSettings settings, Duration timeout) {
        int millis = (int) timeout.toMillis();
        this.admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis));
        this.timeout = timeout;
    }

    /** The cluster id and the number of brokers; throws when the cluster did not answer in time. */
    public Cluster describe() throws InterruptedException, ExecutionException, TimeoutException {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        return new Cluster(clusterId, brokers);
    }

    public record Cluster(String id, int brokers) {
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}

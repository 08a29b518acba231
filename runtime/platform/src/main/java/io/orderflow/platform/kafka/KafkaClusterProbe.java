package io.orderflow.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Asks the cluster about itself within a timeout: whether it is there (the health check of Kafka), and how far a
 * consumer group got in a topic.
 */
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

    /**
     * Whether {@code group} has left records of {@code topic} unconsumed that were written before {@code before}: on
     * some partition, its committed offset is below the first record written at or after {@code before} (or below the
     * end, when there is none). Empty when the group has committed nothing on the topic: a group that never consumed
     * it, or one this cluster does not know, tells nothing. Throws when the cluster did not answer in time.
     */
    public Optional<Boolean> leftUnconsumedBefore(String topic, String group, Instant before)
            throws InterruptedException, ExecutionException, TimeoutException {
        long millis = timeout.toMillis();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(millis, TimeUnit.MILLISECONDS);
        if (committed.keySet().stream().noneMatch(partition -> partition.topic().equals(topic))) {
            return Optional.empty();
        }
        TopicDescription description = admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
                .get(millis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> firstWrittenSince = new HashMap<>();
        description.partitions().forEach(partition -> firstWrittenSince.put(new TopicPartition(topic, partition.partition()),
                OffsetSpec.forTimestamp(before.toEpochMilli())));
        Map<TopicPartition, ListOffsetsResultInfo> since = admin.listOffsets(firstWrittenSince).all().get(millis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        since.forEach((partition, info) -> {
            if (info.offset() < 0) {
                ends.put(partition, OffsetSpec.latest());
            }
        });
        Map<TopicPartition, ListOffsetsResultInfo> end = ends.isEmpty() ? Map.of()
                : admin.listOffsets(ends).all().get(millis, TimeUnit.MILLISECONDS);
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> partition : since.entrySet()) {
            long writtenBefore = partition.getValue().offset() >= 0 ? partition.getValue().offset() : end.get(partition.getKey()).offset();
            OffsetAndMetadata position = committed.get(partition.getKey());
            if ((position == null ? 0 : position.offset()) < writtenBefore) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}

package io.orderflow.platform.axon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shares the segments of every streaming event processor between the instances on one JDBC token store.
 *
 * <p>Axon 4's processors claim every unclaimed segment they see, so the first instance to start takes
 * them all, and without Axon Server nothing moves them. Every {@code interval} each instance renews its
 * row in {@code axon.processor_node}, counts the instances whose row is younger than the token claim
 * timeout, and, for each processor, releases the segments it holds above its fair share
 * {@code ceil(segments / live instances)}. It will not claim a released segment again for one claim
 * timeout, so an instance below its share claims it on its next claim attempt. When an instance dies its
 * claims expire after the claim timeout, and the survivors' processors claim them; by then its row has
 * aged out too, so nobody gives segments away to the dead. The share is a ceiling: with 4 segments and 3
 * instances one instance may stay idle.
 */
final class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final NodeId nodeId;
    private final Duration interval;
    private final Duration claimTimeout;
    private volatile ScheduledExecutorService schedule;

    SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, TransactionManager transactionManager,
                    JdbcTemplate jdbc, NodeId nodeId, Duration interval, Duration claimTimeout) {
        if (interval.isNegative() || interval.isZero() || interval.multipliedBy(2).compareTo(claimTimeout) > 0) {
            throw new IllegalArgumentException("orderflow.axon.balancing.interval must be positive and at most half of "
                    + "orderflow.axon.token-claim-timeout (" + claimTimeout + "), was " + interval);
        }
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.interval = interval;
        this.claimTimeout = claimTimeout;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        schedule = executor;
    }

    /** Before the processors stop (they release their claims then), so that nobody counts this instance any more. */
    @Override
    public void stop() {
        ScheduledExecutorService executor = schedule;
        schedule = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        try {
            jdbc.update("DELETE FROM axon.processor_node WHERE node_id = ?", nodeId.value());
        } catch (RuntimeException e) {
            log.debug("Could not remove node {} from axon.processor_node: {}", nodeId.value(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    /** Started after and stopped before Axon's processors, which run in Spring's default phase range. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void round() {
        try {
            int liveNodes = heartbeat();
            for (StreamingEventProcessor processor : streamingProcessors()) {
                balance(processor, liveNodes);
            }
        } catch (RuntimeException e) {
            log.warn("Balancing processor segments failed; trying again in {}: {}", interval, e.toString());
        }
    }

    /** Renews this instance's row and answers how many instances are alive, this one included. */
    int heartbeat() {
        jdbc.update("""
                INSERT INTO axon.processor_node (node_id, heartbeat_at) VALUES (?, now())
                ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()""", nodeId.value());
        long timeoutMillis = claimTimeout.toMillis();
        jdbc.update("DELETE FROM axon.processor_node WHERE heartbeat_at < now() - (? * interval '1 millisecond')",
                timeoutMillis * 100);
        Integer live = jdbc.queryForObject(
                "SELECT count(*) FROM axon.processor_node WHERE heartbeat_at > now() - (? * interval '1 millisecond')",
                Integer.class, timeoutMillis);
        return Math.max(1, live == null ? 1 : live);
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
    }

    private void balance(StreamingEventProcessor processor, int liveNodes) {
        int[] segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(processor.getName()));
        int fairShare = (segments.length + liveNodes - 1) / liveNodes;
        List<Integer> mine = processor.processingStatus().keySet().stream().sorted().toList();
        for (int index = fairShare; index < mine.size(); index++) {
            int segment = mine.get(index);
            log.info("Releasing segment {} of {} to another instance: {} segments, {} live instances, {} held here",
                    segment, processor.getName(), segments.length, liveNodes, mine.size());
            processor.releaseSegment(segment, claimTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}

package io.orderflow.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.axon.ProcessorLag;
import io.orderflow.platform.axon.ProcessorPauses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Each tracking processor's lag behind the event store's head, sampled at most once a second (by a scrape
 * or a health check), and since when its position has not moved. A processor that is behind and has not
 * moved for the stall timeout is stalled. Registers the {@value ObservabilityConfiguration#PROCESSOR_LAG}
 * gauge of each processor the first time it sees its token.
 */
public class ProcessorProgress {

    private static final long SAMPLE_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final ProcessorLag lag;
    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;
    private final Duration stallTimeout;
    private final ProcessorPauses pauses;
    private final Map<String, Long> lastPosition = new ConcurrentHashMap<>();
    private final Map<String, Long> movedAtNanos = new ConcurrentHashMap<>();
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();
    private volatile ProcessorLag.Snapshot snapshot;
    private volatile Map<String, Long> deadLetters = Map.of();
    private volatile long sampledAtNanos;

    public ProcessorProgress(ProcessorLag lag, EventProcessingConfiguration processing, MeterRegistry registry, Duration stallTimeout,
                             ProcessorPauses pauses) {
        this.lag = lag;
        this.processing = processing;
        this.registry = registry;
        this.stallTimeout = stallTimeout;
        this.pauses = pauses;
    }

    Duration stallTimeout() {
        return stallTimeout;
    }

    synchronized ProcessorLag.Snapshot sample() {
        long now = System.nanoTime();
        if (snapshot != null && now - sampledAtNanos < SAMPLE_INTERVAL_NANOS) {
            return snapshot;
        }
        ProcessorLag.Snapshot current = lag.snapshot();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                registerGauge(name);
            }
        });
        current.positions().forEach((processor, position) -> {
            Long previous = lastPosition.put(processor, position);
            registerGauge(processor);
            if (previous == null || previous.longValue() != position || current.lagOf(processor) == 0) {
                movedAtNanos.put(processor, now);
            }
        });
        Map<String, Long> parked = new ConcurrentHashMap<>();
        lag.jdbc().query("SELECT processing_group, count(*) FROM axon.dead_letter_entry GROUP BY processing_group",
                row -> {
                    parked.put(row.getString(1), row.getLong(2));
                });
        deadLetters = parked;
        snapshot = current;
        sampledAtNanos = now;
        return current;
    }

    private void registerGauge(String processor) {
        if (gauges.add(processor)) {
            Gauge.builder(ObservabilityConfiguration.PROCESSOR_LAG, this, progress -> progress.lagOf(processor))
                    .description("Events between the head of the event store and the processor's slowest segment")
                    .tag("processor", processor).baseUnit("events").register(registry);
            Gauge.builder(ObservabilityConfiguration.PROCESSOR_DEAD_LETTERS, this, progress -> progress.deadLettersOf(processor))
                    .description("Events parked in the processor's dead-letter queue")
                    .tag("processor", processor).baseUnit("events").register(registry);
        }
    }

    long deadLettersOf(String processor) {
        sample();
        return deadLetters.getOrDefault(processor, 0L);
    }

    long lagOf(String processor) {
        return sample().lagOf(processor);
    }

    /**
     * Problems by processor: not running, in error, behind without moving for the stall timeout. A processor
     * {@linkplain ProcessorPauses paused on purpose} has none while its pause lasts.
     */
    public Map<String, String> problems() {
        ProcessorLag.Snapshot current = sample();
        long now = System.nanoTime();
        Map<String, String> problems = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            String name = entry.getKey();
            EventProcessor processor = entry.getValue();
            if (pauses.reasonOf(name).isPresent()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (!processor.isRunning()) {
                reasons.add("not running");
            } else if (processor.isError()) {
                reasons.add("in error (retrying)");
            }
            if (processor instanceof StreamingEventProcessor) {
                long behind = current.lagOf(name);
                Long movedAt = movedAtNanos.get(name);
                if (behind > 0 && movedAt != null && now - movedAt > stallTimeout.toNanos()) {
                    reasons.add("stalled: " + behind + " events behind, no progress for "
                            + Duration.ofNanos(now - movedAt).toSeconds() + " s");
                }
            }
            if (!reasons.isEmpty()) {
                problems.put(name, String.join("; ", reasons));
            }
        }
        return problems;
    }

    /** Processors paused on purpose, with the reason. */
    public Map<String, String> paused() {
        Map<String, String> paused = new TreeMap<>();
        processing.eventProcessors().keySet().forEach(name -> pauses.reasonOf(name).ifPresent(reason -> paused.put(name, reason)));
        return paused;
    }
}

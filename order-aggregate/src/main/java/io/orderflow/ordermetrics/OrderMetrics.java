package io.orderflow.ordermetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order counters and the order process's duration, from the events as they are published. It runs in a
 * subscribing processor ({@link #PROCESSING_GROUP}): it has no token, so it never replays and never
 * counts an event twice; each instance counts the events it published itself, since it started, which
 * is what a Prometheus counter is. Subscribing handlers run in the publisher's unit of work, so errors
 * here are logged, never propagated into the command (see {@link OrderMetricsConfiguration}). A bean of
 * {@link OrderMetricsConfiguration}, not a scanned component.
 */
@ProcessingGroup(OrderMetrics.PROCESSING_GROUP)
class OrderMetrics {

    static final String PROCESSING_GROUP = "order-metrics";
    static final String PLACED = "orderflow.orders.placed";
    static final String CONFIRMED = "orderflow.orders.confirmed";
    static final String CANCELLED = "orderflow.orders.cancelled";
    static final String DURATION = "orderflow.order.process.duration";

    private static final Logger log = LoggerFactory.getLogger(OrderMetrics.class);

    private final EventStore eventStore;
    private final Counter placed;
    private final Counter confirmed;
    private final Map<CancellationReason, Counter> cancelled = new EnumMap<>(CancellationReason.class);
    private final Map<String, Timer> durations;

    OrderMetrics(MeterRegistry registry, EventStore eventStore) {
        this.eventStore = eventStore;
        this.placed = Counter.builder(PLACED).description("Orders placed").register(registry);
        this.confirmed = Counter.builder(CONFIRMED).description("Orders confirmed (paid, stock committed)").register(registry);
        for (CancellationReason reason : CancellationReason.values()) {
            cancelled.put(reason, Counter.builder(CANCELLED).description("Orders cancelled, by reason")
                    .tag("reason", reason.name()).register(registry));
        }
        this.durations = Map.of(
                "CONFIRMED", durationTimer(registry, "CONFIRMED"),
                "CANCELLED", durationTimer(registry, "CANCELLED"));
    }

    private static Timer durationTimer(MeterRegistry registry, String outcome) {
        return Timer.builder(DURATION).description("From OrderPlaced to the order's confirmation or cancellation (the saga)")
                .tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    @EventHandler
    void on(OrderPlaced event) {
        placed.increment();
    }

    @EventHandler
    void on(OrderConfirmed event, @Timestamp Instant at) {
        confirmed.increment();
        recordDuration(event.orderId().value(), at, "CONFIRMED");
    }

    @EventHandler
    void on(OrderCancelled event, @Timestamp Instant at) {
        cancelled.get(event.reason()).increment();
        if (event.previousStatus() == OrderStatus.PENDING || event.previousStatus() == OrderStatus.AWAITING_PAYMENT) {
            // the order process ended here; a cancellation after confirmation is not part of it
            recordDuration(event.orderId().value(), at, "CANCELLED");
        }
    }

    /**
     * The order's first event is its OrderPlaced: read from sequence 0 through Axon's event store (the {@code axon}
     * tables are the platform's): one indexed query for the order's few events.
     */
    private void recordDuration(String orderId, Instant terminalAt, String outcome) {
        try {
            DomainEventStream events = eventStore.readEvents(orderId, 0);
            if (events.hasNext()) {
                Duration duration = Duration.between(events.next().getTimestamp(), terminalAt);
                if (!duration.isNegative()) {
                    durations.get(outcome).record(duration);
                }
            }
        } catch (RuntimeException metricOnly) {
            // a metric is never worth failing the command that published the event
            log.debug("No order process duration for {}: {}", orderId, metricOnly.toString());
        }
    }
}

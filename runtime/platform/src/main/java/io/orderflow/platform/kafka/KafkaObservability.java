package io.orderflow.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import reactor.kafka.receiver.MicrometerConsumerListener;
import reactor.util.context.ContextView;

/**
 * Traces and metrics of the Kafka adapter. A send opens a producer span, child of the span current where
 * the send was called (or of the consumer span of the record being handled), and writes its context into
 * the record's headers with the tracer's propagator (W3C {@code traceparent}). A consumed record opens a
 * consumer span whose parent is read back from those headers; the handler runs in it. Also binds the
 * consumers' client metrics (lag) and counts dead letters. {@link #NOOP} when no tracer or registry exists.
 */
public final class KafkaObservability {

    /** Counter of records sent to a dead-letter topic, tagged with the original {@code topic}. */
    public static final String DEAD_LETTERS = "orderflow.kafka.dead.letters";

    public static final KafkaObservability NOOP = new KafkaObservability(Tracer.NOOP, Propagator.NOOP, new SimpleMeterRegistry());

    private static final String CONTEXT_KEY = KafkaObservability.class.getName() + ".consumerSpan";

    private final Tracer tracer;
    private final Propagator propagator;
    private final MeterRegistry meterRegistry;

    public KafkaObservability(Tracer tracer, Propagator propagator, MeterRegistry meterRegistry) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.meterRegistry = meterRegistry;
    }

    /**
     * Runs {@code work} in the trace of the record being handled, whatever thread it runs on. For handlers
     * that move blocking work to another scheduler: {@code Mono.deferContextual(ctx ->
     * Mono.fromFuture(KafkaObservability.inRecordTrace(ctx, () -> gateway.send(command))))}.
     */
    public static <T> Supplier<T> inRecordTrace(ContextView context, Supplier<T> work) {
        ConsumerTrace trace = context.getOrDefault(CONTEXT_KEY, null);
        if (trace == null) {
            return work;
        }
        return () -> {
            try (Tracer.SpanInScope scope = trace.tracer().withSpan(trace.span())) {
                return work.get();
            }
        };
    }

    Span currentSpan() {
        return tracer.currentSpan();
    }

    Span startSend(String topic, Span parent, Headers headers) {
        Span.Builder builder = tracer.spanBuilder();
        builder = parent == null ? builder.setNoParent() : builder.setParent(parent.context());
        Span span = builder.name(topic + " send").kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka").tag("messaging.destination.name", topic)
                .start();
        propagator.inject(span.context(), headers, (carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
        return span;
    }

    Span startReceive(String topic, String groupId, Map<String, String> headers) {
        return propagator.extract(headers, (carrier, key) -> carrier.get(key))
                .name(topic + " process").kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka").tag("messaging.destination.name", topic)
                .tag("messaging.consumer.group.name", groupId)
                .start();
    }

    Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    reactor.util.context.Context withConsumerSpan(reactor.util.context.Context context, Span span) {
        return context.put(CONTEXT_KEY, new ConsumerTrace(tracer, span));
    }

    static Span consumerSpan(ContextView context) {
        ConsumerTrace trace = context.getOrDefault(CONTEXT_KEY, null);
        return trace == null ? null : trace.span();
    }

    MicrometerConsumerListener consumerListener() {
        return new MicrometerConsumerListener(meterRegistry);
    }

    Counter deadLetters(String topic) {
        return Counter.builder(DEAD_LETTERS).description("Records sent to the dead-letter topic <topic>.dlq")
                .tag("topic", topic).register(meterRegistry);
    }

    private record ConsumerTrace(Tracer tracer, Span span) {
    }
}

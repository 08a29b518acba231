package io.orderflow.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;

/**
 * Sends records and reports success only once the broker acknowledged them ({@code acks=all},
 * idempotent producer), so a caller that waits for the result never loses a message.
 */
public class KafkaPublisher implements AutoCloseable {

    private final KafkaSender<String, byte[]> sender;
    private final Duration sendTimeout;
    private final KafkaObservability observability;

    public KafkaPublisher(KafkaSettings settings, Duration sendTimeout) {
        this(settings, sendTimeout, KafkaObservability.NOOP);
    }

    public KafkaPublisher(KafkaSettings settings, Duration sendTimeout, KafkaObservability observability) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        int deliveryTimeout = (int) Math.max(sendTimeout.toMillis(), 2_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, deliveryTimeout / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout.toMillis());
        this.sender = KafkaSender.create(SenderOptions.<String, byte[]>create(config)
                .withKeySerializer(new StringSerializer())
                .withValueSerializer(new ByteArraySerializer())
                .stopOnError(false));
        this.sendTimeout = sendTimeout;
        this.observability = observability;
    }

    /**
     * Completes when the broker has the record; errors when it could not be written, with a
     * {@link KafkaUnavailableException} when the broker did not take it in time or refused it for a passing reason. The record
     * carries the trace context of a producer span whose parent is the record being handled (when called
     * from a {@link KafkaSubscription}'s handler) or else the span current on the calling thread.
     */
    public Mono<Void> send(String topic, String key, byte[] value, Map<String, String> headers) {
        Span callerSpan = observability.currentSpan();
        return Mono.deferContextual(context -> {
            Span consumerSpan = KafkaObservability.consumerSpan(context);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            Span span = observability.startSend(topic, consumerSpan != null ? consumerSpan : callerSpan, record.headers());
            return sender.send(Mono.just(SenderRecord.create(record, key)))
                    .next()
                    .flatMap(result -> result.exception() == null ? Mono.<Void>empty() : Mono.error(result.exception()))
                    .timeout(sendTimeout)
                    .onErrorMap(KafkaUnavailableException::isUnavailability, failure -> new KafkaUnavailableException(topic, failure))
                    .doOnError(span::error)
                    .doFinally(signal -> span.end());
        });
    }

    /** Serializes the payload as JSON and sends it. */
    public Mono<Void> sendJson(String topic, String key, Object payload, Map<String, String> headers) {
        return Mono.fromCallable(() -> KafkaJson.write(payload))
                .flatMap(bytes -> send(topic, key, bytes, headers));
    }

    /**
     * Sends and waits for the acknowledgement. Only for threads that may block: never on a reactive event loop.
     */
    public void sendJsonAndWait(String topic, String key, Object payload, Map<String, String> headers) {
        sendJson(topic, key, payload, headers).block();
    }

    /**
     * Sends at once and answers the acknowledgement to come, so that a batch of records can be sent together
     * and their acknowledgements awaited at the end (an outbox processor's batch).
     */
    public CompletableFuture<Void> sendJsonAsync(String topic, String key, Object payload, Map<String, String> headers) {
        return sendJson(topic, key, payload, headers).toFuture();
    }

    @Override
    public void close() {
        sender.close();
    }
}

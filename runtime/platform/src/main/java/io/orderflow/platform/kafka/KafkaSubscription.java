package io.orderflow.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.Counter;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.receiver.ReceiverRecord;
import reactor.util.retry.Retry;

/**
 * Consumes one topic at least once: records with the same key are handled one after the other, and an
 * offset is committed only once its handler and those of every record before it in its partition succeeded.
 * With {@code lanes} above one, records of different keys in a partition are handled concurrently, each key
 * in the lane its hash picks (for handlers that wait on something slow, such as a payment provider); their
 * acknowledgements may then come out of order, and offsets are committed up to the first gap only. A
 * failing record is retried with back-off;
 * after the last retry, or at once when it is poison, it goes to {@code <topic>.dlq} with the error in
 * headers and the partition moves on. If the broker goes away, the subscription reconnects and the
 * unacknowledged records are delivered again. A {@link BatchMessageHandler} gets each poll's records at once
 * (one poll after the other, lanes do not apply), and each record alone only when a batch fails.
 */
public class KafkaSubscription implements SmartLifecycle {

    public static final String HEADER_ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String HEADER_ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String HEADER_ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String HEADER_ERROR_CLASS = "dlq-error-class";
    public static final String HEADER_ERROR_MESSAGE = "dlq-error-message";
    public static final String HEADER_ATTEMPTS = "dlq-attempts";

    private static final Logger log = LoggerFactory.getLogger(KafkaSubscription.class);
    /** Offsets acknowledged ahead of a gap that are kept before the consumer pauses to let the gap close. */
    private static final int MAX_DEFERRED_COMMITS = 1_000;

    private final String topic;
    private volatile ReceiverOptions<String, byte[]> options;
    private final MessageHandler handler;
    private final KafkaPublisher deadLetters;
    private final RetryPolicy retryPolicy;
    private final String groupId;
    private final KafkaObservability observability;
    private final Counter deadLettered;
    private final int lanes;
    private volatile Disposable running;

    /**
     * @param maxRetries   retries of a failing record before it is dead-lettered
     * @param firstBackoff the first retry's delay, doubled at each retry
     */
    public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff) {

        public static RetryPolicy defaults() {
            return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));
        }
    }

    public KafkaSubscription(KafkaSettings settings, String topic, String groupId, MessageHandler handler,
                             KafkaPublisher deadLetters, RetryPolicy retryPolicy) {
        this(settings, topic, groupId, handler, deadLetters, retryPolicy, KafkaObservability.NOOP);
    }

    /** With traces (a consumer span per record, handled in the producer's trace) and client metrics. */
    public KafkaSubscription(KafkaSettings settings, String topic, String groupId, MessageHandler handler,
                             KafkaPublisher deadLetters, RetryPolicy retryPolicy, KafkaObservability observability) {
        this(settings, topic, groupId, handler, deadLetters, retryPolicy, observability, 1);
    }

    /** With {@code lanes} records of different keys handled at once per partition (1: one record at a time). */
    public KafkaSubscription(KafkaSettings settings, String topic, String groupId, MessageHandler handler,
                             KafkaPublisher deadLetters, RetryPolicy retryPolicy, KafkaObservability observability,
                             int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("A subscription needs at least one lane, was " + lanes);
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        // Kafka's default (45 s) kept a crashed instance's partitions from its restarted self that long: with restarts
        // closer together than that, a group hardly consumed at all (the full fault campaign, docs/proof-suite.md)
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.sessionTimeout().dividedBy(3).toMillis());
        this.options = ReceiverOptions.<String, byte[]>create(config)
                .withKeyDeserializer(new StringDeserializer())
                .withValueDeserializer(new ByteArrayDeserializer())
                .commitInterval(Duration.ofMillis(200))
                // acknowledgements of concurrent lanes come out of order: commit up to the first unacknowledged offset
                .maxDeferredCommits(lanes > 1 ? MAX_DEFERRED_COMMITS : 0)
                .consumerListener(observability.consumerListener())
                .subscription(List.of(topic));
        this.topic = topic;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.retryPolicy = retryPolicy;
        this.groupId = groupId;
        this.observability = observability;
        this.deadLettered = observability.deadLetters(topic);
        this.lanes = lanes;
    }

    /**
     * Tells {@code assigned} each time the group gave this consumer its partitions (the group's rebalance is over for
     * it; possibly none of them), and {@code revoked} each time it took them away. Call before {@link #start()}.
     */
    public synchronized void listenToAssignments(Runnable assigned, Runnable revoked) {
        options = options.addAssignListener(partitions -> assigned.run()).addRevokeListener(partitions -> revoked.run());
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        Flux<Void> handled = handler instanceof BatchMessageHandler batchHandler
                ? Flux.defer(() -> KafkaReceiver.create(options).receiveBatch())
                        .concatMap(poll -> poll.collectList().flatMap(records -> handleThenAcknowledge(records, batchHandler)))
                : Flux.defer(() -> KafkaReceiver.create(options).receive())
                        .groupBy(record -> record.receiverOffset().topicPartition())
                        .flatMap(partition -> lanes == 1
                                ? partition.concatMap(this::handleThenAcknowledge)
                                : partition.groupBy(this::laneOf).flatMap(lane -> lane.concatMap(this::handleThenAcknowledge), lanes),
                                Integer.MAX_VALUE);
        running = handled
                .doOnError(error -> log.warn("Consumer of {} failed; reconnecting: {}", topic, error.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(10)))
                .subscribe();
        log.info("Consuming {}", topic);
    }

    private int laneOf(ReceiverRecord<String, byte[]> record) {
        return record.key() == null ? 0 : Math.floorMod(record.key().hashCode(), lanes);
    }

    /**
     * One poll's records in one call of the batch handler; should it fail, one record after the other through
     * {@link #handleThenAcknowledge(ReceiverRecord)}, with its retries and dead letters, in the poll's order.
     */
    private Mono<Void> handleThenAcknowledge(List<ReceiverRecord<String, byte[]>> records, BatchMessageHandler batchHandler) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        List<KafkaMessage> messages = records.stream().map(KafkaSubscription::toMessage).toList();
        List<Span> spans = messages.stream()
                .map(message -> observability.startReceive(message.topic(), groupId, message.headers())).toList();
        return Mono.defer(() -> batchHandler.handleAll(messages))
                .then(Mono.<Void>fromRunnable(() -> records.forEach(record -> record.receiverOffset().acknowledge())))
                .onErrorResume(failure -> {
                    log.debug("A batch of {} record(s) of {} failed; handling them one by one: {}", records.size(), topic,
                            failure.toString());
                    return Flux.fromIterable(records).concatMap(this::handleThenAcknowledge).then();
                })
                .doFinally(signal -> spans.forEach(Span::end));
    }

    private Mono<Void> handleThenAcknowledge(ReceiverRecord<String, byte[]> record) {
        KafkaMessage message = toMessage(record);
        Span span = observability.startReceive(record.topic(), groupId, message.headers());
        int[] attempts = {0};
        return Mono.defer(() -> {
                    attempts[0]++;
                    try (Tracer.SpanInScope scope = observability.inScope(span)) {
                        return handler.handle(message);
                    }
                })
                .retryWhen(Retry.backoff(retryPolicy.maxRetries(), retryPolicy.firstBackoff())
                        .maxBackoff(retryPolicy.maxBackoff())
                        .filter(error -> !(error instanceof PoisonMessageException))
                        .doBeforeRetry(signal -> log.debug("Retrying {}-{}@{}: {}", record.topic(),
                                record.partition(), record.offset(), signal.failure().toString()))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorResume(error -> deadLetter(message, error, attempts[0]))
                .then(Mono.<Void>fromRunnable(() -> record.receiverOffset().acknowledge()))
                .contextWrite(context -> observability.withConsumerSpan(context, span))
                .doFinally(signal -> span.end());
    }

    private Mono<Void> deadLetter(KafkaMessage message, Throwable error, int attempts) {
        log.warn("Dead-lettering {}-{}@{} after {} attempt(s): {}", message.topic(), message.partition(),
                message.offset(), attempts, error.toString());
        Map<String, String> headers = new HashMap<>(message.headers());
        headers.put(HEADER_ORIGINAL_TOPIC, message.topic());
        headers.put(HEADER_ORIGINAL_PARTITION, String.valueOf(message.partition()));
        headers.put(HEADER_ORIGINAL_OFFSET, String.valueOf(message.offset()));
        headers.put(HEADER_ERROR_CLASS, error.getClass().getName());
        headers.put(HEADER_ERROR_MESSAGE, String.valueOf(error.getMessage()));
        headers.put(HEADER_ATTEMPTS, String.valueOf(attempts));
        deadLettered.increment();
        return deadLetters.send(message.topic() + KafkaSettings.DEAD_LETTER_SUFFIX, message.key(), message.value(), headers);
    }

    private static KafkaMessage toMessage(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new KafkaMessage(record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}

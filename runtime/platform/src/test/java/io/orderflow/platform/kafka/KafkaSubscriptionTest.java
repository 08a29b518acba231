package io.orderflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.embedded.EmbeddedKafkaServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The adapter's delivery guarantees against a real KRaft broker. */
class KafkaSubscriptionTest {

    private static final KafkaSubscription.RetryPolicy FAST_RETRIES =
            new KafkaSubscription.RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100));

    private static KafkaSettings settings;
    private static KafkaPublisher publisher;
    private final List<KafkaSubscription> subscriptions = new ArrayList<>();
    private String topic;

    @BeforeAll
    static void startBroker() {
        String servers = EmbeddedKafkaServer.bootstrapServers(0, 1);
        settings = new KafkaSettings(servers, 1, (short) 1, List.of(), Duration.ofSeconds(10));
        publisher = new KafkaPublisher(settings, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopSubscriptions() {
        subscriptions.forEach(KafkaSubscription::stop);
    }

    @Test
    void handlesEveryMessageAndCommitsItsOffset() {
        topic = freshTopic();
        List<String> handled = new CopyOnWriteArrayList<>();
        send("a", "b", "c");

        subscribe("group-1", message -> record(handled, message));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 3);
        stopSubscriptions();
        subscriptions.clear();

        send("d");
        subscribe("group-1", message -> record(handled, message));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 4);
        assertThat(handled).containsExactly("a", "b", "c", "d");
    }

    @Test
    void retriesATransientFailureAndThenHandlesTheMessageOnce() {
        topic = freshTopic();
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        send("flaky");

        subscribe("group-1", message -> {
            int attempt = attempts.computeIfAbsent(text(message), key -> new AtomicInteger()).incrementAndGet();
            return attempt < 3 ? Mono.error(new IllegalStateException("database briefly away")) : record(handled, message);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
        assertThat(attempts.get("flaky")).hasValue(3);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void deadLettersAPoisonMessageAtOnceAndKeepsThePartitionFlowing() {
        topic = freshTopic();
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        send("poison", "after-poison");

        subscribe("group-1", message -> {
            attempts.computeIfAbsent(text(message), key -> new AtomicInteger()).incrementAndGet();
            return "poison".equals(text(message))
                    ? Mono.error(new PoisonMessageException("not JSON"))
                    : record(handled, message);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains("after-poison"));
        List<ConsumerRecord<String, byte[]>> dead = deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(header(dead.get(0), KafkaSubscription.HEADER_ERROR_CLASS)).isEqualTo(PoisonMessageException.class.getName());
        assertThat(header(dead.get(0), KafkaSubscription.HEADER_ERROR_MESSAGE)).isEqualTo("not JSON");
        assertThat(header(dead.get(0), KafkaSubscription.HEADER_ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(attempts.get("poison")).hasValue(1);
    }

    @Test
    void deadLettersAMessageWhoseRetriesAreSpent() {
        topic = freshTopic();
        AtomicInteger attempts = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        send("always-fails", "next");

        subscribe("group-1", message -> "always-fails".equals(text(message))
                ? Mono.fromRunnable(attempts::incrementAndGet).then(Mono.error(new IllegalStateException("still down")))
                : record(handled, message));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains("next"));
        List<ConsumerRecord<String, byte[]>> dead = deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), KafkaSubscription.HEADER_ATTEMPTS)).isEqualTo(String.valueOf(FAST_RETRIES.maxRetries() + 1));
        assertThat(attempts).hasValue(FAST_RETRIES.maxRetries() + 1);
    }

    @Test
    void handsABatchHandlerAPollsMessagesTogetherAndCommitsThem() {
        topic = freshTopic();
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        List<String> alone = new CopyOnWriteArrayList<>();
        send("a", "b", "c");

        subscribe("group-1", batchHandler(batches, alone, message -> false));
        await().atMost(Duration.ofSeconds(30)).until(() -> batches.stream().mapToInt(List::size).sum() == 3);
        stopSubscriptions();
        subscriptions.clear();

        send("d");
        subscribe("group-1", batchHandler(batches, alone, message -> false));
        await().atMost(Duration.ofSeconds(30)).until(() -> batches.stream().mapToInt(List::size).sum() == 4);
        assertThat(batches.stream().flatMap(List::stream)).as("each once, in order").containsExactly("a", "b", "c", "d");
        assertThat(batches.get(0)).as("the first poll's messages in one call").containsExactly("a", "b", "c");
        assertThat(alone).isEmpty();
    }

    @Test
    void handsTheMessagesOfAFailedBatchOverOneByOneSoThatOnlyThePoisonIsDeadLettered() {
        topic = freshTopic();
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        List<String> alone = new CopyOnWriteArrayList<>();
        send("before", "poison", "after");

        subscribe("group-1", batchHandler(batches, alone, "poison"::equals));

        await().atMost(Duration.ofSeconds(30)).until(() -> alone.containsAll(List.of("before", "after")));
        assertThat(batches).as("no batch with the poison in it succeeded").allSatisfy(batch -> assertThat(batch).doesNotContain("poison"));
        List<ConsumerRecord<String, byte[]>> dead = deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(alone).containsExactly("before", "after");
    }

    /** Records each successful batch, and each message handled alone; a message that {@code isPoison} fails both. */
    private static BatchMessageHandler batchHandler(List<List<String>> batches, List<String> alone,
                                                    Predicate<String> isPoison) {
        return new BatchMessageHandler() {
            @Override
            public Mono<Void> handleAll(List<KafkaMessage> messages) {
                List<String> texts = messages.stream().map(KafkaSubscriptionTest::text).toList();
                return texts.stream().anyMatch(isPoison)
                        ? Mono.error(new PoisonMessageException("a poison message in the batch"))
                        : Mono.fromRunnable(() -> batches.add(texts));
            }

            @Override
            public Mono<Void> handle(KafkaMessage message) {
                return isPoison.test(text(message)) ? Mono.error(new PoisonMessageException("poison")) : record(alone, message);
            }
        };
    }

    private void subscribe(String group, MessageHandler handler) {
        KafkaSubscription subscription = new KafkaSubscription(settings, topic, group + "-" + topic, handler, publisher, FAST_RETRIES);
        subscriptions.add(subscription);
        subscription.start();
    }

    private void send(String... values) {
        for (String value : values) {
            publisher.send(topic, "key", value.getBytes(StandardCharsets.UTF_8), Map.of()).block();
        }
    }

    private static Mono<Void> record(List<String> handled, KafkaMessage message) {
        return Mono.fromRunnable(() -> handled.add(text(message)));
    }

    private static String text(KafkaMessage message) {
        return new String(message.value(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic + KafkaSettings.DEAD_LETTER_SUFFIX));
            long until = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
        }
        return records;
    }

    private static String freshTopic() {
        return "test-" + UUID.randomUUID();
    }
}

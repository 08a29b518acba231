package io.orderflow.proof;

import io.orderflow.contracts.payment.PaymentOutcome;
import io.orderflow.contracts.payment.PaymentRequestType;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.platform.kafka.KafkaJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays a misbehaving payment provider on {@code payments.results}: results sent again (duplicated),
 * an order's results in reverse (reordered), results for orders the payment deadline already cancelled
 * (late), and payloads that can never apply (malformed). Each is shaped as the payment service sends
 * its own: JSON of {@link PaymentResult} by {@link KafkaJson}, keyed by order id, no headers; duplicated,
 * reordered and late results repeat what the provider's ledger says it decided, so they are results the
 * real provider could have sent.
 */
final class PaymentResultInjector implements AutoCloseable {

    /** How many of each kind were sent. */
    record Injected(int duplicated, int reordered, int late, int malformed) {
        int total() {
            return duplicated + reordered + late + malformed;
        }

        Injected plus(Injected other) {
            return new Injected(duplicated + other.duplicated, reordered + other.reordered, late + other.late, malformed + other.malformed);
        }

        static Injected none() {
            return new Injected(0, 0, 0, 0);
        }
    }

    private final String bootstrapServers;
    private final StoreInspector store;
    private final Random random;
    private final KafkaProducer<String, byte[]> producer;

    PaymentResultInjector(String bootstrapServers, StoreInspector store, long seed) {
        this.bootstrapServers = bootstrapServers;
        this.store = store;
        this.random = new Random(seed);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "proof-fault-injector");
        this.producer = new KafkaProducer<>(properties);
    }

    /** About {@code budget} results, spread over the four kinds; fewer when too few orders have settled yet. */
    Injected inject(int budget) {
        int each = Math.max(1, budget / 4);
        int duplicated = 0;
        for (String orderId : settledOrders(each)) {
            for (StoreInspector.LedgerEntry entry : store.ledgerOf(orderId)) {
                send(orderId, resultOf(entry));
                duplicated++;
            }
        }
        int reordered = 0;
        for (String orderId : settledOrders(each)) {
            List<StoreInspector.LedgerEntry> entries = new ArrayList<>(store.ledgerOf(orderId));
            Collections.reverse(entries);
            // the provider's results for one order, last first, then the first again after them
            for (StoreInspector.LedgerEntry entry : entries) {
                send(orderId, resultOf(entry));
                reordered++;
            }
            if (!entries.isEmpty()) {
                send(orderId, resultOf(entries.get(entries.size() - 1)));
                reordered++;
            }
        }
        int late = 0;
        for (String orderId : store.ordersWith("CANCELLED", "PAYMENT_TIMEOUT", each)) {
            late += sendLate(orderId);
        }
        if (late == 0) {
            // no order has timed out (yet): results for orders cancelled otherwise arrive late instead
            for (String orderId : store.ordersWith("CANCELLED", "", each)) {
                late += sendLate(orderId);
            }
        }
        int malformed = 0;
        for (int i = 0; i < each; i++) {
            sendMalformed(i);
            malformed++;
        }
        producer.flush();
        return new Injected(duplicated, reordered, late, malformed);
    }

    /**
     * A result for an order its payment deadline cancelled: what the provider decided, if it did, else a
     * decline of the charge it never got to (the deadline's void reached it first).
     */
    private int sendLate(String orderId) {
        List<StoreInspector.LedgerEntry> entries = store.ledgerOf(orderId);
        String paymentId = orderId + ":payment";
        if (entries.isEmpty()) {
            send(orderId, new PaymentResult(PaymentResult.CURRENT_VERSION, paymentId + ":" + PaymentRequestType.CHARGE, paymentId,
                    orderId, PaymentOutcome.DECLINED, "LATE_DECLINE", null, null));
            return 1;
        }
        entries.forEach(entry -> send(orderId, resultOf(entry)));
        return entries.size();
    }

    private void sendMalformed(int i) {
        String orderId = UUID.randomUUID().toString();
        byte[] value = switch (i % 6) {
            case 0 -> "{not json".getBytes(StandardCharsets.UTF_8);
            case 1 -> "{\"version\":1,\"outcome\":\"APPROVED\"}".getBytes(StandardCharsets.UTF_8);
            case 2 -> KafkaJson.write(new PaymentResult(99, "x:CHARGE", "x", orderId, PaymentOutcome.APPROVED, null, null, null));
            case 3 -> ("{\"version\":1,\"requestId\":\"r\",\"paymentId\":\"p\",\"orderId\":\"" + orderId
                    + "\",\"outcome\":\"MAYBE\"}").getBytes(StandardCharsets.UTF_8);
            case 4 -> KafkaJson.write(new PaymentResult(PaymentResult.CURRENT_VERSION, orderId + ":payment:CHARGE",
                    orderId + ":payment", orderId, PaymentOutcome.APPROVED, null, java.math.BigDecimal.ONE, "EUR"));
            default -> new byte[0];
        };
        // keyed or not: poison lands on the partitions that carry real results
        producer.send(new ProducerRecord<>(PaymentTopics.RESULTS, i % 2 == 0 ? orderId : null, i % 6 == 5 ? null : value));
    }

    private List<String> settledOrders(int limit) {
        List<String> candidates = new ArrayList<>(store.ordersWith("CONFIRMED", "", limit * 3));
        candidates.addAll(store.ordersWith("CANCELLED", "PAYMENT_DECLINED", limit));
        Collections.shuffle(candidates, random);
        return candidates.subList(0, Math.min(limit, candidates.size()));
    }

    private static PaymentResult resultOf(StoreInspector.LedgerEntry entry) {
        PaymentOutcome outcome = switch (entry.kind()) {
            case "CHARGE" -> PaymentOutcome.APPROVED;
            case "DECLINE" -> PaymentOutcome.DECLINED;
            case "VOID" -> PaymentOutcome.VOIDED;
            default -> PaymentOutcome.REFUNDED;
        };
        PaymentRequestType type = switch (entry.kind()) {
            case "CHARGE", "DECLINE" -> PaymentRequestType.CHARGE;
            case "VOID" -> PaymentRequestType.VOID;
            default -> PaymentRequestType.REFUND;
        };
        return new PaymentResult(PaymentResult.CURRENT_VERSION, entry.paymentId() + ":" + type, entry.paymentId(), entry.orderId(),
                outcome, entry.reason(), entry.amount(), entry.currency());
    }

    private void send(String orderId, PaymentResult result) {
        producer.send(new ProducerRecord<>(PaymentTopics.RESULTS, orderId, KafkaJson.write(result)));
    }

    /** Messages on {@code payments.results.dlq}, counted from the beginning, reading for at most {@code limit}. */
    long deadLetters(Duration limit) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            String topic = PaymentTopics.RESULTS + ".dlq";
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            return partitions.stream().mapToLong(partition -> ends.get(partition) - beginnings.get(partition)).sum();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

}

package io.orderflow.payment;

import static io.orderflow.payment.PaymentFixtures.aPayment;
import static io.orderflow.payment.PaymentFixtures.aPaymentOf;
import static io.orderflow.payment.TopicReader.headers;
import static io.orderflow.payment.TopicReader.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.payment.PaymentFixtures.APayment;
import io.orderflow.platform.kafka.KafkaJson;
import io.orderflow.platform.kafka.KafkaSettings;
import io.orderflow.platform.kafka.KafkaSubscription;
import io.orderflow.platform.kafka.PoisonMessageException;
import io.orderflow.testsupport.contracts.ContractExamples;
import io.orderflow.testsupport.contracts.MessageSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The payment service as the rest of the system sees it: requests in on one topic, answers out on another. */
@SpringBootTest
class PaymentServiceKafkaTest {

    @Autowired
    KafkaSettings kafka;
    @Autowired
    PaymentLedger ledger;

    KafkaProducer<String, byte[]> producer;
    TopicReader results;
    TopicReader deadLetters;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        results = new TopicReader(kafka.bootstrapServers(), PaymentTopics.RESULTS);
        deadLetters = new TopicReader(kafka.bootstrapServers(), PaymentTopics.REQUESTS + KafkaSettings.DEAD_LETTER_SUFFIX);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        results.close();
        deadLetters.close();
    }

    @Test
    void answersAChargeOnTheResultsTopicKeyedByItsOrder() throws Exception {
        APayment payment = aPayment();

        request(payment.orderId(), KafkaJson.write(payment.charge()));

        List<ConsumerRecord<String, byte[]>> answers = results.awaitRecordsKeyed(payment.orderId(), 1);
        assertThat(answers).hasSize(1);
        assertThat(json(answers.get(0), PaymentResult.class)).isEqualTo(payment.approved());
        assertThat(ledger.chargesOf(payment.paymentId())).isEqualTo(1);
    }

    @Test
    void answersTheRequestsOfAnOrderInTheOrderTheyWereSent() throws Exception {
        APayment payment = aPayment();

        request(payment.orderId(), KafkaJson.write(payment.charge()));
        request(payment.orderId(), KafkaJson.write(payment.voiding()));

        List<ConsumerRecord<String, byte[]>> answers = results.awaitRecordsKeyed(payment.orderId(), 2);
        assertThat(answers).extracting(answer -> json(answer, PaymentResult.class))
                .containsExactly(payment.approved(), payment.refundedOn(payment.voiding()));
    }

    @Test
    void deadLettersAMalformedRequestAndStillAnswersTheNextOne() throws Exception {
        APayment payment = aPayment();

        request(payment.orderId(), "{\"version\": 1, \"type\": \"CHA".getBytes(StandardCharsets.UTF_8));
        request(payment.orderId(), KafkaJson.write(payment.charge()));

        assertThat(results.awaitRecordsKeyed(payment.orderId(), 1)).extracting(answer -> json(answer, PaymentResult.class))
                .containsExactly(payment.approved());
        List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitRecordsKeyed(payment.orderId(), 1);
        assertThat(dead).hasSize(1);
        assertThat(headers(dead.get(0)))
                .containsEntry(KafkaSubscription.HEADER_ERROR_CLASS, PoisonMessageException.class.getName())
                .containsEntry(KafkaSubscription.HEADER_ORIGINAL_TOPIC, PaymentTopics.REQUESTS)
                .containsEntry(KafkaSubscription.HEADER_ATTEMPTS, "1");
    }

    @Test
    void deadLettersARequestWithoutAVersionWithoutActingOnIt() throws Exception {
        APayment unversioned = aPayment();
        APayment current = aPaymentOf(unversioned.orderId(), unversioned.amount(), unversioned.currency());
        PaymentRequest charge = unversioned.charge();
        PaymentRequest version0 = new PaymentRequest(0, charge.requestId(), charge.type(), charge.paymentId(), charge.orderId(),
                charge.amount(), charge.currency());

        request(unversioned.orderId(), KafkaJson.write(version0));
        request(current.orderId(), KafkaJson.write(current.charge()));

        // Same key, same partition: once the next request is answered, the unknown one was dealt with.
        assertThat(results.awaitRecordsKeyed(current.orderId(), 1)).extracting(answer -> json(answer, PaymentResult.class))
                .containsExactly(current.approved());
        assertThat(headers(deadLetters.awaitRecordsKeyed(unversioned.orderId(), 1).get(0)))
                .containsEntry(KafkaSubscription.HEADER_ERROR_MESSAGE, "Unknown PaymentRequest version 0");
        assertThat(ledger.entriesOfPayment(unversioned.paymentId())).isEmpty();
    }

    @Test
    void answersARequestOfALaterVersionAsItsVersion1FieldsSayIgnoringTheRest() throws Exception {
        APayment payment = aPayment();
        String later = ContractExamples.asLaterVersion(new String(KafkaJson.write(payment.charge()), StandardCharsets.UTF_8));

        request(payment.orderId(), later.getBytes(StandardCharsets.UTF_8));

        assertThat(results.awaitRecordsKeyed(payment.orderId(), 1)).extracting(answer -> json(answer, PaymentResult.class))
                .containsExactly(payment.approved());
        assertThat(ledger.chargesOf(payment.paymentId())).isEqualTo(1);
    }

    @Test
    void sendsEveryAnswerAsItsSchemaSays() throws Exception {
        APayment payment = aPayment();
        APayment inYen = aPaymentOf(new BigDecimal("3000"), "JPY");

        request(payment.orderId(), KafkaJson.write(payment.charge()));
        request(payment.orderId(), KafkaJson.write(payment.voiding()));
        request(payment.orderId(), KafkaJson.write(payment.refund()));
        request(inYen.orderId(), KafkaJson.write(inYen.charge()));

        List<ConsumerRecord<String, byte[]>> answers = new ArrayList<>(results.awaitRecordsKeyed(payment.orderId(), 3));
        answers.addAll(results.awaitRecordsKeyed(inYen.orderId(), 1));
        assertThat(answers).hasSize(4).allSatisfy(answer -> assertThat(MessageSchema.errors(PaymentResult.SCHEMA, answer.value())).isEmpty());
        assertThat(answers).extracting(answer -> ContractExamples.tree(new String(answer.value(), StandardCharsets.UTF_8)).get("amount").toString())
                .as("amounts at the currency's scale").containsExactly("49.80", "49.80", "49.80", "3000");
    }

    private void request(String orderId, byte[] json) throws Exception {
        producer.send(new ProducerRecord<>(PaymentTopics.REQUESTS, orderId, json)).get(30, TimeUnit.SECONDS);
    }
}

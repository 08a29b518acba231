package io.orderflow.payment;

import static io.orderflow.payment.PaymentFixtures.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.payment.PaymentOutcome;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.platform.kafka.KafkaJson;
import io.orderflow.platform.kafka.KafkaMessage;
import io.orderflow.platform.kafka.KafkaSettings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The service started from its own main class, on its own: answers a charge with nothing else running. */
class PaymentServiceApplicationTest {

    @Test
    void runsOnItsOwnAndAnswersAPaymentRequest() throws Exception {
        try (var app = PaymentServiceApplication.start("--server.port=0", "--orderflow.payment.approval-rate=1.0", "--orderflow.payment.latency=PT0.005S")) {
            assertThat(app.getBeanNamesForType(org.axonframework.config.Configuration.class)).as("no Axon").isEmpty();
            KafkaSettings kafka = app.getBean(KafkaSettings.class);
            var payment = aPayment();

            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
                 var results = new TopicReader(kafka.bootstrapServers(), PaymentTopics.RESULTS)) {
                producer.send(new ProducerRecord<>(PaymentTopics.REQUESTS, payment.orderId(), KafkaJson.write(payment.charge()))).get();

                List<ConsumerRecord<String, byte[]>> answers = results.awaitRecordsKeyed(payment.orderId(), 1);
                PaymentResult answer = KafkaJson.read(new KafkaMessage(PaymentTopics.RESULTS, 0, 0, payment.orderId(),
                        answers.get(0).value(), Map.of()), PaymentResult.class);
                assertThat(answer.outcome()).isEqualTo(PaymentOutcome.APPROVED);
                assertThat(app.getBean(PaymentLedger.class).chargesOf(payment.paymentId())).isEqualTo(1);
            }
        }
    }
}

package io.orderflow.payment;

import static io.orderflow.payment.PaymentFixtures.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.contracts.payment.PaymentRequestType;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.payment.PaymentFixtures.APayment;
import io.orderflow.platform.kafka.KafkaJson;
import io.orderflow.platform.kafka.KafkaMessage;
import io.orderflow.platform.kafka.PoisonMessageException;
import io.orderflow.testsupport.contracts.ContractExamples;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Mono;

/** One request message from reading to published answer, with the delivery failures Kafka redelivers. */
@SpringBootTest
class PaymentRequestHandlerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    PaymentProcessor processor;
    @Autowired
    PaymentLedger ledger;
    @Autowired
    ScriptedPaymentDecisions bank;

    final APayment payment = aPayment();

    @Nested
    class WhenPublishingTheAnswerFails {

        @Test
        void answersTheRedeliveredRequestFromTheLedgerWithoutChargingAgain() {
            List<PaymentResult> published = new CopyOnWriteArrayList<>();
            AtomicInteger publishAttempts = new AtomicInteger();
            PaymentRequestHandler handler = new PaymentRequestHandler(processor, result -> publishAttempts.incrementAndGet() == 1
                    ? Mono.error(new IllegalStateException("broker away"))
                    : Mono.fromRunnable(() -> published.add(result)));

            assertThatThrownBy(() -> handler.handle(messageOf(payment.charge())).block(TIMEOUT)).hasMessageContaining("broker away");
            handler.handle(messageOf(payment.charge())).block(TIMEOUT);

            assertThat(published).containsExactly(payment.approved());
            assertThat(ledger.chargesOf(payment.paymentId())).isEqualTo(1);
            assertThat(bank.attemptsFor(payment.paymentId())).isEqualTo(1);
        }

        @Test
        void failsTheMessageSoThatItIsRetriedRatherThanAcknowledged() {
            PaymentRequestHandler handler = new PaymentRequestHandler(processor, result -> Mono.error(new IllegalStateException("broker away")));

            assertThatThrownBy(() -> handler.handle(messageOf(payment.charge())).block(TIMEOUT))
                    .isNotInstanceOf(PoisonMessageException.class);
        }
    }

    @Nested
    class ReadingARequest {

        @Test
        void readsAVersion1Request() {
            assertThat(PaymentRequestHandler.read(messageOf(payment.charge()))).isEqualTo(payment.charge());
        }

        @Test
        void refusesMalformedJsonAsPoison() {
            assertPoison("not json".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void refusesARequestWithoutAVersionAsPoison() {
            assertPoison("{\"requestId\":\"p:CHARGE\",\"type\":\"CHARGE\",\"paymentId\":\"p\",\"orderId\":\"o\",\"amount\":1,\"currency\":\"EUR\"}"
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void refusesAVersionBeforeTheFirstAsPoison() {
            assertPoison(with(0, payment.charge().type(), payment.amount(), payment.currency()));
        }

        @Test
        void readsEveryRequestAsVersion1ProducersWroteIt() {
            assertThat(ContractExamples.of(PaymentRequest.SCHEMA)).allSatisfy(example -> {
                PaymentRequest request = PaymentRequestHandler.read(messageOf(example.getBytes(StandardCharsets.UTF_8)));
                assertThat(ContractExamples.tree(new String(KafkaJson.write(request), StandardCharsets.UTF_8)))
                        .as("every field read").isEqualTo(ContractExamples.tree(example));
            });
        }

        @Test
        void readsALaterVersionAsTheFieldsItKnowsAndIgnoresTheRest() {
            assertThat(ContractExamples.of(PaymentRequest.SCHEMA)).allSatisfy(example -> {
                PaymentRequest known = PaymentRequestHandler.read(messageOf(example.getBytes(StandardCharsets.UTF_8)));
                PaymentRequest later = PaymentRequestHandler.read(messageOf(
                        ContractExamples.asLaterVersion(example).getBytes(StandardCharsets.UTF_8)));
                assertThat(later).isEqualTo(new PaymentRequest(2, known.requestId(), known.type(), known.paymentId(),
                        known.orderId(), known.amount(), known.currency()));
            });
        }

        @Test
        void refusesAnUnknownRequestTypeAsPoison() {
            assertPoison(new String(KafkaJson.write(payment.charge()), StandardCharsets.UTF_8)
                    .replace("\"CHARGE\"", "\"CAPTURE\"").getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void refusesARequestWithoutAPositiveAmountAsPoison() {
            assertPoison(with(1, payment.charge().type(), null, "EUR"));
            assertPoison(with(1, payment.charge().type(), BigDecimal.ZERO, "EUR"));
            assertPoison(with(1, payment.charge().type(), new BigDecimal("-1.00"), "EUR"));
        }

        @Test
        void refusesAnAmountTheLedgerCannotHoldExactlyAsPoison() {
            assertPoison(with(1, payment.charge().type(), new BigDecimal("1.00001"), "EUR"));
        }

        @Test
        void refusesARequestWithoutACurrencyCodeAsPoison() {
            assertPoison(with(1, payment.charge().type(), payment.amount(), null));
            assertPoison(with(1, payment.charge().type(), payment.amount(), "euro"));
        }

        private byte[] with(int version, PaymentRequestType type, BigDecimal amount, String currency) {
            return KafkaJson.write(new PaymentRequest(version, payment.paymentId() + ":" + type, type, payment.paymentId(),
                    payment.orderId(), amount, currency));
        }

        private void assertPoison(byte[] value) {
            assertThatThrownBy(() -> PaymentRequestHandler.read(messageOf(value))).isInstanceOf(PoisonMessageException.class);
        }
    }

    private KafkaMessage messageOf(PaymentRequest request) {
        return messageOf(KafkaJson.write(request));
    }

    private KafkaMessage messageOf(byte[] value) {
        return new KafkaMessage(PaymentTopics.REQUESTS, 0, 0, payment.orderId(), value, Map.of());
    }
}

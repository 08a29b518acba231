package io.orderflow.payment;

import static io.orderflow.payment.PaymentDecisions.BankAnswer.APPROVED;
import static io.orderflow.payment.PaymentDecisions.BankAnswer.INSUFFICIENT_FUNDS;
import static io.orderflow.payment.PaymentDecisions.BankAnswer.TECHNICAL_FAILURE;
import static io.orderflow.payment.PaymentFixtures.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.payment.PaymentDecisions.BankAnswer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The configured chance of the simulated bank, checked on many attempts with a fixed seed. */
class PaymentDecisionsTest {

    private static final int ATTEMPTS = 10_000;
    private final PaymentRequest charge = aPayment().charge();

    @Test
    void alwaysApprovesAtAnApprovalRateOfOne() {
        assertThat(answers(PaymentDecisions.random(new Random(1), 1.0, 0.0))).containsOnlyKeys(APPROVED);
    }

    @Test
    void neverApprovesAtAnApprovalRateOfZero() {
        assertThat(answers(PaymentDecisions.random(new Random(1), 0.0, 0.0))).containsOnlyKeys(INSUFFICIENT_FUNDS);
    }

    @Test
    void alwaysFailsTechnicallyAtAFailureRateOfOne() {
        assertThat(answers(PaymentDecisions.random(new Random(1), 1.0, 1.0))).containsOnlyKeys(TECHNICAL_FAILURE);
    }

    @Test
    void approvesAboutAsOftenAsConfigured() {
        Map<BankAnswer, Integer> answers = answers(PaymentDecisions.random(new Random(42), 0.8, 0.1));

        assertThat(answers.get(TECHNICAL_FAILURE)).isBetween(800, 1200);
        assertThat(answers.get(APPROVED)).isBetween(6900, 7500);
        assertThat(answers.get(INSUFFICIENT_FUNDS)).isBetween(1500, 2100);
    }

    private Map<BankAnswer, Integer> answers(PaymentDecisions decisions) {
        Map<BankAnswer, Integer> counts = new EnumMap<>(BankAnswer.class);
        IntStream.range(0, ATTEMPTS).forEach(attempt -> counts.merge(decisions.attempt(charge), 1, Integer::sum));
        return counts;
    }
}

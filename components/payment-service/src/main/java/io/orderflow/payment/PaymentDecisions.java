package io.orderflow.payment;

import io.orderflow.contracts.payment.PaymentRequest;
import java.util.random.RandomGenerator;

/**
 * The simulated bank behind the provider, and the provider's only source of chance: tests replace it
 * to make every branch deterministic.
 */
interface PaymentDecisions {

    /** What one attempt to have the bank decide a charge gives. */
    enum BankAnswer {
        APPROVED,
        INSUFFICIENT_FUNDS,
        TECHNICAL_FAILURE
    }

    /** One attempt at the bank for this charge; the provider retries a {@code TECHNICAL_FAILURE}. */
    BankAnswer attempt(PaymentRequest charge);

    /** Chance as configured: an attempt fails with {@code technicalFailureRate}, else approves with {@code approvalRate}. */
    static PaymentDecisions random(RandomGenerator random, double approvalRate, double technicalFailureRate) {
        return charge -> {
            if (random.nextDouble() < technicalFailureRate) {
                return BankAnswer.TECHNICAL_FAILURE;
            }
            return random.nextDouble() < approvalRate ? BankAnswer.APPROVED : BankAnswer.INSUFFICIENT_FUNDS;
        };
    }
}

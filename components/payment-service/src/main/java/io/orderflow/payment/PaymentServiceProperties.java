package io.orderflow.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated provider behaves ({@code orderflow.payment.*}).
 *
 * @param enabled              false when an external provider serves the payment topics: this component then does not start
 * @param approvalRate         chance that the bank approves a charge it was reached for, 0..1
 * @param technicalFailureRate chance that one attempt to reach the bank fails, 0..1
 * @param technicalRetries     retries after a failed attempt before the charge is declined PROVIDER_UNAVAILABLE
 * @param technicalBackoff     delay before the first retry, doubled at each further one
 * @param latency              how long the provider takes to answer any request
 */
@ConfigurationProperties("orderflow.payment")
record PaymentServiceProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.8") double approvalRate,
        @DefaultValue("0.0") double technicalFailureRate,
        @DefaultValue("3") int technicalRetries,
        @DefaultValue("PT0.05S") Duration technicalBackoff,
        @DefaultValue("PT0.02S") Duration latency) {

    PaymentServiceProperties {
        requireRate("approval-rate", approvalRate);
        requireRate("technical-failure-rate", technicalFailureRate);
        if (technicalRetries < 0) {
            throw new IllegalArgumentException("orderflow.payment.technical-retries must be 0 or more, was " + technicalRetries);
        }
        requireNotNegative("technical-backoff", technicalBackoff);
        requireNotNegative("latency", latency);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("orderflow.payment." + name + " must be between 0 and 1, was " + rate);
        }
    }

    private static void requireNotNegative(String name, Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("orderflow.payment." + name + " must be a duration of 0 or more, was " + duration);
        }
    }
}

package io.orderflow.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small fault run of CI: 45 s of orders while the application is SIGKILLed and restarted
 * once, PostgreSQL restarts in immediate mode once, the Kafka broker is away for twice the payment deadline,
 * and faulty payment results arrive. Every order must settle, none may be cancelled for a payment timeout, and
 * the audit must be clean.
 */
class ShortFaultRunTest {

    /** Twice the payment deadline of the cluster ({@code orderflow.saga.payment-timeout=PT10S}, {@link Cluster#TEST_PROPERTIES}). */
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(20);

    @Test
    void everyOrderSettlesAndTheStoreStaysConsistentThroughCrashesAndOutages() {
        FaultCampaign.Plan plan = new FaultCampaign.Plan(Duration.ofSeconds(45), Duration.ofSeconds(15), Duration.ofSeconds(25), 1,
                1, 1, List.of(KAFKA_OUTAGE), 40, 2, Duration.ofMillis(250), 2_000, Duration.ofMinutes(2), 7);

        FaultCampaign.Report report = FaultCampaign.run("short-fault-run", plan);

        assertThat(report.appKills()).as("application SIGKILLs").isEqualTo(1);
        assertThat(report.postgresRestarts()).as("PostgreSQL immediate restarts").isEqualTo(1);
        assertThat(report.kafkaStops()).as("Kafka stops").isEqualTo(1);
        assertThat(report.placed()).as("orders placed").isPositive();
        assertThat(report.injected().malformed()).as("malformed results injected").isPositive();
        assertThat(report.paymentTimeouts()).as("orders cancelled PAYMENT_TIMEOUT: the broker's outage is no payment service's silence")
                .isZero();
        assertThat(report.passed()).as(report.render()).isTrue();
    }
}

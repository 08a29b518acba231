package io.orderflow.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The small fault run of CI: about a minute of orders while the application is SIGKILLed and restarted
 * once, PostgreSQL restarts in immediate mode once, the Kafka broker is away for longer than the payment
 * deadline, and faulty payment results arrive. Every order must settle and the audit must be clean.
 */
class ShortFaultRunTest {

    @Test
    void everyOrderSettlesAndTheStoreStaysConsistentThroughCrashesAndOutages() {
        FaultCampaign.Plan plan = new FaultCampaign.Plan(Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(30), 1,
                1, 1, Duration.ofSeconds(15), 40, 3, Duration.ofMillis(150), 5_000, Duration.ofMinutes(3), 7);

        FaultCampaign.Report report = FaultCampaign.run("short-fault-run", plan);

        assertThat(report.appKills()).as("application SIGKILLs").isEqualTo(1);
        assertThat(report.postgresRestarts()).as("PostgreSQL immediate restarts").isEqualTo(1);
        assertThat(report.kafkaStops()).as("Kafka stops").isEqualTo(1);
        assertThat(report.placed()).as("orders placed").isPositive();
        assertThat(report.injected().malformed()).as("malformed results injected").isPositive();
        assertThat(report.passed()).as(report.render()).isTrue();
    }
}

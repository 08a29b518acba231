package io.orderflow.integration.paymentrequests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the payment channel owes the payment service time: the broker did not take requests, or could not be reached. */
class KafkaPaymentChannelTest {

    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final AtomicBoolean brokerAnswers = new AtomicBoolean(true);
    private final AtomicInteger probes = new AtomicInteger();
    private final KafkaPaymentChannel channel = new KafkaPaymentChannel(clock, () -> {
        probes.incrementAndGet();
        return brokerAnswers.get();
    }, PROBE_INTERVAL);

    @Test
    void owesTheRestOfTheWindowSinceThisInstanceStarted() {
        clock.advance(Duration.ofSeconds(12));

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void owesNothingOnceTheChannelWasOpenForTheWholeWindowAndTheBrokerAnswers() {
        clock.advance(WINDOW);

        assertThat(channel.stillOwed(WINDOW)).isZero();
        assertThat(probes).hasValue(1);
    }

    @Test
    void owesTheWholeWindowWhileTheBrokerDoesNotTakeRequests() {
        clock.advance(Duration.ofMinutes(5));
        channel.failed();
        clock.advance(Duration.ofMinutes(5));

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(WINDOW);
    }

    @Test
    void owesTheRestOfTheWindowSinceTheBrokerTookARequestAgain() {
        clock.advance(Duration.ofMinutes(5));
        channel.failed();
        clock.advance(Duration.ofSeconds(20));
        channel.failed();
        channel.acknowledged();
        clock.advance(Duration.ofSeconds(25));
        channel.acknowledged();

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void owesTheWholeWindowWhenTheBrokerDoesNotAnswerThoughNoRequestFailed() {
        clock.advance(Duration.ofMinutes(5));
        brokerAnswers.set(false);

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(WINDOW);
        brokerAnswers.set(true);
        clock.advance(Duration.ofSeconds(3));
        assertThat(channel.stillOwed(WINDOW)).as("down until a request is acknowledged again").isEqualTo(WINDOW);
    }

    @Test
    void asksTheBrokerAtMostOncePerProbeInterval() {
        clock.advance(Duration.ofMinutes(5));

        channel.stillOwed(WINDOW);
        channel.stillOwed(WINDOW);
        clock.advance(PROBE_INTERVAL);
        channel.stillOwed(WINDOW);

        assertThat(probes).hasValue(2);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

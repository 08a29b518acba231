package io.orderflow.paymentchannel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the payment channel owes the payment service time: the broker did not take requests or answer, or no results could come back. */
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
    void owesTheWholeWindowUntilThePaymentResultsConsumerHasItsPartitions() {
        clock.advance(Duration.ofMinutes(2));

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(WINDOW);
    }

    @Test
    void owesTheRestOfTheWindowSinceTheResultsConsumerGotItsPartitions() {
        channel.resultsAssigned();
        clock.advance(Duration.ofSeconds(12));

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void owesNothingOnceTheChannelWasOpenForTheWholeWindowAndTheBrokerAnswers() {
        channel.resultsAssigned();
        clock.advance(WINDOW);

        assertThat(channel.stillOwed(WINDOW)).isZero();
        assertThat(probes).hasValue(1);
    }

    @Test
    void owesTheWholeWindowAgainWhileARebalanceTookTheResultsConsumersPartitions() {
        channel.resultsAssigned();
        clock.advance(Duration.ofMinutes(5));
        channel.resultsRevoked();
        clock.advance(Duration.ofMinutes(1));

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(WINDOW);
        channel.resultsAssigned();
        clock.advance(Duration.ofSeconds(10));
        assertThat(channel.stillOwed(WINDOW)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void owesTheWholeWindowWhileTheBrokerDoesNotTakeRequests() {
        channel.resultsAssigned();
        clock.advance(Duration.ofMinutes(5));
        brokerAnswers.set(false);
        channel.failed();
        clock.advance(Duration.ofMinutes(5));

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(WINDOW);
    }

    @Test
    void owesTheRestOfTheWindowSinceTheBrokerTookARequestAgain() {
        channel.resultsAssigned();
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
        channel.resultsAssigned();
        clock.advance(Duration.ofMinutes(5));
        brokerAnswers.set(false);

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(WINDOW);
    }

    @Test
    void opensAgainWhenTheBrokerAnswersAgainThoughNoRequestWasSent() {
        channel.resultsAssigned();
        clock.advance(Duration.ofMinutes(5));
        brokerAnswers.set(false);
        channel.stillOwed(WINDOW);
        brokerAnswers.set(true);
        clock.advance(Duration.ofSeconds(3));
        channel.stillOwed(WINDOW);
        clock.advance(Duration.ofSeconds(25));

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void asksTheBrokerAtMostOncePerProbeInterval() {
        channel.resultsAssigned();
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
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

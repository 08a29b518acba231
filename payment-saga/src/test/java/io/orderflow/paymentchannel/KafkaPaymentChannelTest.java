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
    /** The first moment nothing written before was left unread; null: nothing was left unread ever. */
    private Instant caughtUpTo;
    private final AtomicInteger pipelineChecks = new AtomicInteger();
    private final KafkaPaymentChannel channel = new KafkaPaymentChannel(clock, () -> {
        probes.incrementAndGet();
        return brokerAnswers.get();
    }, PROBE_INTERVAL, windowStart -> {
        pipelineChecks.incrementAndGet();
        return caughtUpTo != null && windowStart.isAfter(caughtUpTo);
    });

    /**
     * After a crash of its process the payment service consumes nothing until its group gave up on the dead member,
     * then works through its backlog: the channel was open all along, but a request written at the window's start is
     * still unread. The whole window is owed until it has caught up with what was written before the window.
     */
    @Test
    void owesTheWholeWindowWhileThePaymentServiceHasNotReadWhatWasWrittenBeforeIt() {
        channel.resultsAssigned();
        clock.advance(Duration.ofMinutes(2));
        caughtUpTo = clock.instant().minus(Duration.ofSeconds(70));

        assertThat(channel.stillOwed(WINDOW)).isEqualTo(WINDOW);

        caughtUpTo = clock.instant();
        clock.advance(PROBE_INTERVAL);
        assertThat(channel.stillOwed(WINDOW)).as("caught up with everything written before the window").isZero();
    }

    @Test
    void asksWhetherThePipelineIsBehindOncePerProbeIntervalAndOnlyWhenTheChannelWasOpenForTheWholeWindow() {
        assertThat(channel.stillOwed(WINDOW)).as("no results consumer yet").isEqualTo(WINDOW);
        assertThat(pipelineChecks).hasValue(0);

        channel.resultsAssigned();
        clock.advance(WINDOW);
        channel.stillOwed(WINDOW);
        channel.stillOwed(WINDOW);
        assertThat(pipelineChecks).hasValue(1);
        clock.advance(PROBE_INTERVAL);
        channel.stillOwed(WINDOW);
        assertThat(pipelineChecks).hasValue(2);
    }

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

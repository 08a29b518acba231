package io.orderflow.paymentchannel;

import io.orderflow.saga.PaymentChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The payment channel is Kafka, both ways. It is down from a payment request the broker did not acknowledge until
 * the next one it did, and while this instance's {@code payments.results} consumer has no assignment from its group:
 * before the first one after start (after a crash, the group waits for the dead member's session to expire) and
 * during a rebalance. A payment deadline that asks also asks the cluster (at most once per {@code probeInterval}), so
 * that an outage without any request sent meanwhile counts too, and the broker's return without one as well. Only a
 * payment deadline asks, on a deadline thread.
 *
 * <p>An open channel is not yet a payment service that had the request: after a crash of the process it runs in,
 * its consumer group waits for the dead member as ours does, and then works through what piled up meanwhile. So a
 * deadline that finds the channel open for its whole window also asks (at most once per {@code probeInterval})
 * whether {@code pipelineBehind}: whether the payment service has left requests unconsumed that were written before
 * the window began, or this instance results; if so, the whole window is owed again.
 */
public final class KafkaPaymentChannel implements PaymentChannel {

    private final Clock clock;
    private final BooleanSupplier brokerAnswers;
    private final Duration probeInterval;
    private final Predicate<Instant> pipelineBehind;
    private boolean requestsFailing;
    private boolean resultsAssigned;
    /** When the channel last opened; null while it is down. */
    private Instant openSince;
    private Instant probedAt;
    private Instant pipelineCheckedAt;
    private boolean pipelineWasBehind;

    /**
     * {@code brokerAnswers} asks the cluster, within a timeout, whether it is there; {@code pipelineBehind} whether a
     * payment request or result written before the given instant is still waiting to be read (false when it cannot
     * tell).
     */
    public KafkaPaymentChannel(Clock clock, BooleanSupplier brokerAnswers, Duration probeInterval, Predicate<Instant> pipelineBehind) {
        this.clock = clock;
        this.brokerAnswers = brokerAnswers;
        this.probeInterval = probeInterval;
        this.pipelineBehind = pipelineBehind;
    }

    /** The broker acknowledged a payment request. */
    public synchronized void acknowledged() {
        requestsFailing = false;
        openIfNothingIsDown();
    }

    /** The broker did not take a payment request. */
    public synchronized void failed() {
        requestsFailing = true;
        openSince = null;
    }

    /** The payment results consumer got its partitions (possibly none: the group has more members than partitions). */
    public synchronized void resultsAssigned() {
        resultsAssigned = true;
        openIfNothingIsDown();
    }

    /** The payment results consumer lost its partitions: a rebalance began. */
    public synchronized void resultsRevoked() {
        resultsAssigned = false;
        openSince = null;
    }

    @Override
    public Duration stillOwed(Duration window) {
        if (probeDue()) {
            if (brokerAnswers.getAsBoolean()) {
                acknowledged();
            } else {
                failed();
            }
        }
        Duration owed = owedByWhatIsKnown(window);
        return owed.isZero() && behindSince(clock.instant().minus(window)) ? window : owed;
    }

    private boolean behindSince(Instant windowStart) {
        synchronized (this) {
            Instant now = clock.instant();
            if (!dueAfter(pipelineCheckedAt, now)) {
                return pipelineWasBehind;
            }
            pipelineCheckedAt = now;
        }
        boolean behind = pipelineBehind.test(windowStart);
        synchronized (this) {
            pipelineWasBehind = behind;
        }
        return behind;
    }

    private void openIfNothingIsDown() {
        if (openSince == null && !requestsFailing && resultsAssigned) {
            openSince = clock.instant();
        }
    }

    private synchronized Duration owedByWhatIsKnown(Duration window) {
        if (openSince == null) {
            return window;
        }
        Duration open = Duration.between(openSince, clock.instant());
        return open.compareTo(window) >= 0 ? Duration.ZERO : window.minus(open);
    }

    private synchronized boolean probeDue() {
        Instant now = clock.instant();
        if (!dueAfter(probedAt, now)) {
            return false;
        }
        probedAt = now;
        return true;
    }

    /** Whether the cluster may be asked again at {@code now}: never asked, or last asked a probe interval ago. */
    private boolean dueAfter(Instant lastAsked, Instant now) {
        return lastAsked == null || Duration.between(lastAsked, now).compareTo(probeInterval) >= 0;
    }
}

package io.orderflow.paymentchannel;

import io.orderflow.saga.PaymentChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The payment channel is Kafka, both ways. It is down from a payment request the broker did not acknowledge until
 * the next one it did, and while this instance's {@code payments.results} consumer has no assignment from its group:
 * before the first one after start (after a crash, the group waits for the dead member's session to expire) and
 * during a rebalance. A payment deadline that asks also asks the cluster (at most once per {@code probeInterval}), so
 * that an outage without any request sent meanwhile counts too, and the broker's return without one as well. Only a
 * payment deadline asks, on a deadline thread.
 */
public final class KafkaPaymentChannel implements PaymentChannel {

    private final Clock clock;
    private final BooleanSupplier brokerAnswers;
    private final Duration probeInterval;
    private boolean requestsFailing;
    private boolean resultsAssigned;
    /** When the channel last opened; null while it is down. */
    private Instant openSince;
    private Instant probedAt;

    /** {@code brokerAnswers} asks the cluster, within a timeout, whether it is there. */
    public KafkaPaymentChannel(Clock clock, BooleanSupplier brokerAnswers, Duration probeInterval) {
        this.clock = clock;
        this.brokerAnswers = brokerAnswers;
        this.probeInterval = probeInterval;
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
        return owedByWhatIsKnown(window);
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
        if (probedAt != null && Duration.between(probedAt, now).compareTo(probeInterval) < 0) {
            return false;
        }
        probedAt = now;
        return true;
    }
}

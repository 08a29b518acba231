package io.orderflow.integration.paymentrequests;

import io.orderflow.saga.PaymentChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The payment channel is Kafka: it is down from a payment request the broker did not acknowledge until the next
 * one it did, and opened when this instance started (its payment results subscription was not there before).
 * When nothing says it is down, the cluster is asked, at most once per {@code probeInterval}, so that an outage
 * without any request sent meanwhile counts too. Only a payment deadline asks, on a deadline thread.
 */
public final class KafkaPaymentChannel implements PaymentChannel {

    private final Clock clock;
    private final BooleanSupplier brokerAnswers;
    private final Duration probeInterval;
    private Instant downSince;
    private Instant openSince;
    private Instant probedAt;

    /** {@code brokerAnswers} asks the cluster, within a timeout, whether it is there. */
    public KafkaPaymentChannel(Clock clock, BooleanSupplier brokerAnswers, Duration probeInterval) {
        this.clock = clock;
        this.brokerAnswers = brokerAnswers;
        this.probeInterval = probeInterval;
        this.openSince = clock.instant();
    }

    /** The broker acknowledged a payment request. */
    public synchronized void acknowledged() {
        if (downSince != null) {
            downSince = null;
            openSince = clock.instant();
        }
    }

    /** The broker did not take a payment request. */
    public synchronized void failed() {
        if (downSince == null) {
            downSince = clock.instant();
        }
    }

    @Override
    public Duration stillOwed(Duration window) {
        Duration owed = owedByWhatIsKnown(window);
        if (owed.isZero() && probeDue() && !brokerAnswers.getAsBoolean()) {
            failed();
            return window;
        }
        return owed;
    }

    private synchronized Duration owedByWhatIsKnown(Duration window) {
        if (downSince != null) {
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

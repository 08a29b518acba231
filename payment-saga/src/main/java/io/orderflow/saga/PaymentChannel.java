package io.orderflow.saga;

import java.time.Duration;

/**
 * The way a payment request takes to the payment service and its result back (our own messaging
 * infrastructure), as far as a payment deadline is concerned: a payment service that could not be
 * reached, or could not answer, has not had its time yet.
 */
public interface PaymentChannel {

    /**
     * How much longer to wait so that the payment service has had {@code window} with the channel open
     * throughout: zero when the channel was open for the whole last {@code window}; {@code window} while it
     * is down; the rest of {@code window} since it opened again otherwise.
     */
    Duration stillOwed(Duration window);

    /** A channel that is never down: for a payment service reached without our infrastructure in between. */
    PaymentChannel ALWAYS_OPEN = window -> Duration.ZERO;
}

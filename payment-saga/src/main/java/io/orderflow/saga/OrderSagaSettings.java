package io.orderflow.saga;

import java.time.Duration;
import java.util.Objects;

/**
 * The timings of the order saga.
 *
 * @param paymentTimeout how long the payment service has to answer a payment request, counted while the
 *                       payment channel is open: an order is cancelled {@code PAYMENT_TIMEOUT} once the
 *                       payment service had the request this long and did not answer
 * @param paymentMaxWait how long an order waits for its payment in all, however long the payment channel
 *                       is down; then it is cancelled {@code PAYMENT_TIMEOUT} regardless
 */
public record OrderSagaSettings(Duration paymentTimeout, Duration paymentMaxWait) {

    public static final Duration DEFAULT_PAYMENT_MAX_WAIT = Duration.ofMinutes(15);

    public OrderSagaSettings {
        Objects.requireNonNull(paymentTimeout, "payment timeout");
        Objects.requireNonNull(paymentMaxWait, "payment max wait");
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("The order saga's payment timeout must be positive, was " + paymentTimeout);
        }
        if (paymentMaxWait.compareTo(paymentTimeout) < 0) {
            throw new IllegalArgumentException("The order saga's payment max wait (" + paymentMaxWait
                    + ") must not be shorter than its payment timeout (" + paymentTimeout + ")");
        }
    }

    public OrderSagaSettings(Duration paymentTimeout) {
        this(paymentTimeout, DEFAULT_PAYMENT_MAX_WAIT.compareTo(paymentTimeout) < 0 ? paymentTimeout : DEFAULT_PAYMENT_MAX_WAIT);
    }
}

package io.orderflow.saga;

import java.time.Duration;
import java.util.Objects;

/**
 * The timings of the order saga.
 *
 * @param paymentTimeout    how long an order waits for its payment result before it is cancelled
 * @param stepRetryInterval how long a step waits for its expected event before it sends its commands again
 */
public record OrderSagaSettings(Duration paymentTimeout, Duration stepRetryInterval) {

    public OrderSagaSettings {
        requirePositive(paymentTimeout, "payment timeout");
        requirePositive(stepRetryInterval, "step-retry interval");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The order saga's " + name + " must be positive, was " + duration);
        }
    }
}

package io.orderflow.saga;

import java.time.Duration;
import java.util.Objects;

/**
 * The timings of the order saga.
 *
 * @param paymentTimeout how long an order waits for its payment result before it is cancelled
 */
public record OrderSagaSettings(Duration paymentTimeout) {

    public OrderSagaSettings {
        Objects.requireNonNull(paymentTimeout, "payment timeout");
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("The order saga's payment timeout must be positive, was " + paymentTimeout);
        }
    }
}

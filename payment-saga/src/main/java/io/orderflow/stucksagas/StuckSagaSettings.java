package io.orderflow.stucksagas;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failing saga step is tried before it is parked.
 *
 * @param maxAttempts how often an event is handled on its own before it is parked (the failed batch is not counted)
 * @param backOff     the wait before the second attempt; it doubles for each further one
 */
public record StuckSagaSettings(int maxAttempts, Duration backOff) {

    /**
     * The attempts run on the processor's thread, which holds its segment's claim meanwhile: their waits together
     * stay well within the claim timeout (at least 7 s), or another instance could take the segment over.
     */
    static final Duration MAX_TOTAL_BACK_OFF = Duration.ofSeconds(5);
    static final int MAX_ATTEMPTS = 10;

    public StuckSagaSettings {
        Objects.requireNonNull(backOff, "back-off");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("orderflow.saga.parking.max-attempts must be between 1 and " + MAX_ATTEMPTS
                    + ", was " + maxAttempts);
        }
        if (backOff.isNegative()) {
            throw new IllegalArgumentException("orderflow.saga.parking.back-off must not be negative, was " + backOff);
        }
        if (totalBackOff(maxAttempts, backOff).compareTo(MAX_TOTAL_BACK_OFF) > 0) {
            throw new IllegalArgumentException("orderflow.saga.parking: " + maxAttempts + " attempts with a back-off of " + backOff
                    + " wait " + totalBackOff(maxAttempts, backOff) + " in all, more than " + MAX_TOTAL_BACK_OFF);
        }
    }

    /** The wait before attempt {@code attempt} (2 and on). */
    Duration backOffBefore(int attempt) {
        return backOff.multipliedBy(1L << (attempt - 2));
    }

    private static Duration totalBackOff(int maxAttempts, Duration backOff) {
        return backOff.multipliedBy((1L << (maxAttempts - 1)) - 1);
    }
}

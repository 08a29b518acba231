package io.orderflow.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long stock stays reserved for an order before it returns to available stock by itself, so that
 * a lost order process never holds stock forever.
 */
public record ReservationPolicy(Duration timeToLive) {

    public ReservationPolicy {
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            throw new IllegalArgumentException("A reservation's time-to-live must be positive, was " + timeToLive);
        }
    }

    /** Whether a reservation made at {@code reservedAt} has outlived its time-to-live at {@code asOf}. */
    boolean isOverdue(Instant reservedAt, Instant asOf) {
        return !reservedAt.plus(timeToLive).isAfter(asOf);
    }
}

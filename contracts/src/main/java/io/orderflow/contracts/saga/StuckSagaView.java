package io.orderflow.contracts.saga;

import java.time.Instant;

/**
 * An order process whose step was parked: the order, why ({@code reason}), how often the step was tried,
 * the failing step (the type of the event it handles, e.g. {@code OrderConfirmed}, and its event id), its
 * last error, when it was parked and last tried, and how many of the order's events wait behind it
 * ({@code parkedEvents} counts the failing one too).
 */
public record StuckSagaView(
        String orderId,
        StuckReason reason,
        int attempts,
        String failingStep,
        String failingEventId,
        String lastError,
        Instant parkedAt,
        Instant lastAttemptAt,
        int parkedEvents) {
}

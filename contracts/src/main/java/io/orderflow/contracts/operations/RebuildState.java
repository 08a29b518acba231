package io.orderflow.contracts.operations;

/**
 * Where a rebuild stands. It reads the event store ({@code BUILDING}), pauses the live processor and
 * compares at the same position ({@code VERIFYING}), then a replay switches over ({@code SWITCHING}).
 * {@code ABANDONED}: it stopped reporting progress, the instance that ran it is gone.
 */
public enum RebuildState {
    BUILDING,
    VERIFYING,
    SWITCHING,
    COMPLETED,
    FAILED,
    ABANDONED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == ABANDONED;
    }
}

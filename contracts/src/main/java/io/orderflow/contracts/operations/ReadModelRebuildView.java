package io.orderflow.contracts.operations;

import java.time.Instant;

/**
 * A replay or verification of a read model. {@code processedEvents} counts the events read from the store
 * so far, {@code totalEvents} the events the store held when the rebuild started. {@code generation} is
 * the generation of tables it builds, {@code liveGeneration} the one serving when it started.
 * {@code verification} is set once the comparison ran; {@code failure} says why a rebuild failed.
 */
public record ReadModelRebuildView(
        String id,
        String readModel,
        RebuildKind kind,
        RebuildState state,
        long processedEvents,
        long totalEvents,
        int generation,
        int liveGeneration,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        String failure,
        VerificationView verification) {
}

package io.orderflow.contracts.operations;

import java.util.Objects;

/**
 * Drop the parked sequence {@code sequenceId} of {@code processingGroup} for good: its events are never
 * handled by that group (a replay would handle them again). Answered with the number of letters evicted;
 * refused with {@code DEAD_LETTER_NOT_FOUND} when there is no such sequence.
 */
public record EvictDeadLetterSequenceCommand(String processingGroup, String sequenceId) {

    public EvictDeadLetterSequenceCommand {
        Objects.requireNonNull(processingGroup, "processingGroup");
        Objects.requireNonNull(sequenceId, "sequenceId");
    }
}

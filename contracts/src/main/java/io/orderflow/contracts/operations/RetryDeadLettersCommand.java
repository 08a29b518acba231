package io.orderflow.contracts.operations;

import java.util.Objects;

/**
 * Hand every parked sequence of {@code processingGroup} to its handlers again, oldest event first. A
 * sequence that succeeds leaves the queue; one that fails again stays, with the new cause. Answered with
 * a {@link DeadLetterRetryView}.
 */
public record RetryDeadLettersCommand(String processingGroup) {

    public RetryDeadLettersCommand {
        Objects.requireNonNull(processingGroup, "processingGroup");
    }
}

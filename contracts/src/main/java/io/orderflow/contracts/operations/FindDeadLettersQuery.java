package io.orderflow.contracts.operations;

/**
 * Asks for the dead letters of one processing group, or of every group with a dead-letter queue when
 * {@code processingGroup} is null; answered with a {@link DeadLettersView}.
 */
public record FindDeadLettersQuery(String processingGroup) {
}

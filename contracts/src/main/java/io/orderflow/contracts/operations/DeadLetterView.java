package io.orderflow.contracts.operations;

import java.time.Instant;

/**
 * One parked event: which event ({@code eventType} is the simple payload type name), when it happened
 * and was parked, and why ({@code causeType}, {@code causeMessage}; null for an event parked only because
 * an earlier one of its sequence was).
 */
public record DeadLetterView(
        String letterId,
        String eventId,
        String eventType,
        String aggregateId,
        Long aggregateSequence,
        Instant eventTimestamp,
        Instant enqueuedAt,
        Instant lastTouched,
        String causeType,
        String causeMessage) {
}

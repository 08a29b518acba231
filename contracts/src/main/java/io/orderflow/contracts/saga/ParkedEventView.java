package io.orderflow.contracts.saga;

import java.time.Instant;

/**
 * One parked event of a stuck order process, in the order the process is to handle them: its type (simple
 * payload type name), id, the aggregate that recorded it and when.
 */
public record ParkedEventView(String eventId, String eventType, String aggregateId, Long aggregateSequence, Instant timestamp) {
}

package io.orderflow.contracts.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One event as the event store holds it, read through today's upcasters. {@code type} is the simple name of the
 * payload type ({@code OrderPlaced}), {@code payloadType} its full stored name and {@code revision} its payload
 * revision (an event stored before its type had a revision shows the one it is upcast to). {@code payload} and
 * {@code metadata} are the JSON as maps, numbers kept exact; the metadata carries the trace and correlation ids
 * and, on order events, the customer id.
 */
public record RecordedEventView(
        long sequence,
        String type,
        String payloadType,
        String revision,
        String eventId,
        Instant timestamp,
        Object payload,
        Map<String, Object> metadata) {
}

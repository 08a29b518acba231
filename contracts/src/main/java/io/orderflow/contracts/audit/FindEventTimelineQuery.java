package io.orderflow.contracts.audit;

import java.util.Objects;

/**
 * Asks for the recorded events of one aggregate from sequence number {@code fromSequence} on, at most
 * {@code limit} of them; answered with an {@link EventTimelineView}, or null when the store holds no event
 * of that aggregate (or the id belongs to another kind of aggregate).
 */
public record FindEventTimelineQuery(AuditedAggregate aggregate, String aggregateId, long fromSequence, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public FindEventTimelineQuery {
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (fromSequence < 0) {
            throw new IllegalArgumentException("fromSequence must not be negative, was " + fromSequence);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}

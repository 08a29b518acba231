package io.orderflow.contracts.audit;

import java.util.List;

/**
 * Recorded events of one aggregate in sequence order. {@code nextSequence} is where the next page starts,
 * null when there are no more events.
 */
public record EventTimelineView(String aggregateType, String aggregateId, List<RecordedEventView> events, Long nextSequence) {

    public EventTimelineView {
        events = List.copyOf(events);
    }
}

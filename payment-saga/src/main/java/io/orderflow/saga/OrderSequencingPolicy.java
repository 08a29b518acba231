package io.orderflow.saga;

import io.orderflow.contracts.common.ConcernsOrder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Sequences the saga's events by the order they concern: one order's events are handled one after the
 * other, different orders in parallel segments, even when a popular product emits all their stock
 * events. Events that concern no order fall back to the emitting aggregate.
 */
class OrderSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof ConcernsOrder message) {
            return message.orderId().value();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}

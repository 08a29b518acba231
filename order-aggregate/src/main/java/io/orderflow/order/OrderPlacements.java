package io.orderflow.order;

import io.orderflow.contracts.order.FindOrderPlacementQuery;
import io.orderflow.contracts.order.OrderPlaced;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * How an order was placed, read from the first event of its stream: consistent with the command side, where a
 * read model would lag behind it. Answers the edge when a placement is repeated with the same key.
 */
@Component
class OrderPlacements {

    private final EventStore eventStore;

    OrderPlacements(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    OrderPlaced handle(FindOrderPlacementQuery query) {
        DomainEventStream stream = eventStore.readEvents(query.orderId().value(), 0);
        if (!stream.hasNext()) {
            return null;
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof OrderPlaced placed ? placed : null;
    }
}

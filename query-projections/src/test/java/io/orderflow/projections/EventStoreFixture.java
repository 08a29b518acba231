package io.orderflow.projections;

import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * Appends events to the event store the way an aggregate does (next sequence number of its stream, in a
 * unit of work with a transaction), so that the processors pick them up.
 */
public final class EventStoreFixture {

    private final EventStore eventStore;
    private final TransactionManager transactionManager;

    EventStoreFixture(EventStore eventStore, TransactionManager transactionManager) {
        this.eventStore = eventStore;
        this.transactionManager = transactionManager;
    }

    public void append(String aggregateType, Object aggregateId, Object... payloads) {
        append(aggregateType, aggregateId, Map.of(), payloads);
    }

    public void append(String aggregateType, Object aggregateId, Map<String, ?> metaData, Object... payloads) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> {
            long next = eventStore.lastSequenceNumberFor(aggregateId.toString()).map(last -> last + 1).orElse(0L);
            for (Object payload : payloads) {
                eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), next++, payload,
                        MetaData.from(metaData)));
            }
        });
    }
}

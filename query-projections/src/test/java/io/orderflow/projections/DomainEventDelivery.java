package io.orderflow.projections;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives a projection the way an event processor does, minus the processor: each event goes as a domain
 * event message (aggregate sequence number, timestamp) through Axon's annotation adapter, inside a
 * transaction, so the handlers' parameter resolution is exercised too. Queries go through a real query
 * bus to the query handlers, as the edge sends them.
 */
public final class DomainEventDelivery {

    /** Event timestamps are whole seconds from here; PostgreSQL keeps microseconds, so they read back equal. */
    public static final Instant EPOCH = Instant.parse("2030-01-01T09:00:00Z");

    private final String aggregateType;
    private final AnnotationEventHandlerAdapter projection;
    private final TransactionTemplate transaction;
    private final QueryGateway queryGateway;

    public DomainEventDelivery(String aggregateType, Object projection, Object queryHandlers,
                               PlatformTransactionManager transactionManager) {
        this(aggregateType, projection, queryHandlers, transactionManager, SimpleQueryUpdateEmitter.builder().build());
    }

    /** With the emitter the projection announces its changes on, so that subscription queries see them. */
    public DomainEventDelivery(String aggregateType, Object projection, Object queryHandlers,
                               PlatformTransactionManager transactionManager, QueryUpdateEmitter updates) {
        this.aggregateType = aggregateType;
        this.projection = new AnnotationEventHandlerAdapter(projection);
        this.transaction = new TransactionTemplate(transactionManager);
        SimpleQueryBus queryBus = SimpleQueryBus.builder().queryUpdateEmitter(updates).build();
        new AnnotationQueryHandlerAdapter<>(queryHandlers).subscribe(queryBus);
        this.queryGateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
    }

    /** The time at which the event with this sequence number happened. */
    public static Instant timeOf(long sequence) {
        return EPOCH.plusSeconds(sequence);
    }

    /** Delivers {@code payload} as event {@code sequence} of aggregate {@code aggregateId}, at {@link #timeOf}. */
    public String deliver(Object aggregateId, long sequence, Object payload) {
        return deliverAt(aggregateId, sequence, payload, timeOf(sequence));
    }

    /** Delivers {@code payload} as event {@code sequence} of aggregate {@code aggregateId}, at {@code at}; answers the event's id. */
    public String deliverAt(Object aggregateId, long sequence, Object payload, Instant at) {
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(
                aggregateType, aggregateId.toString(), sequence, payload, Map.of(),
                UUID.randomUUID().toString(), at);
        transaction.executeWithoutResult(status -> {
            try {
                projection.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException("Projection failed on " + message, e);
            }
        });
        return message.getIdentifier();
    }

    /** Whether the projection has a handler for this event at all. */
    public boolean handles(Object payload) {
        return projection.canHandleType(payload.getClass());
    }

    /** Does what an event processor does when its tokens are reset for a replay. */
    public void reset() {
        transaction.executeWithoutResult(status -> projection.prepareReset());
    }

    public QueryGateway queries() {
        return queryGateway;
    }

    public <R> R query(Object query, ResponseType<R> responseType) {
        CompletableFuture<R> answer = queryGateway.query(query, responseType);
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Query " + query + " failed", e);
        }
    }
}

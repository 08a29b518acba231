package io.orderflow.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.platform.db.DatabaseConfiguration;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon on Boot 4 with nothing left to auto-configuration guesses (STACK-NOTES, traps 1 and 2): the JDBC
 * engine is in use, and an event append and a token update commit or roll back together.
 */
@SpringBootTest(classes = AxonPersistenceTest.App.class,
        properties = {"orderflow.kafka.bootstrap-servers=localhost:1", "axon.axonserver.enabled=false"})
class AxonPersistenceTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({DatabaseConfiguration.class, AxonPersistenceConfiguration.class})
    static class App {
    }

    @Autowired EventStorageEngine storageEngine;
    @Autowired EventStore eventStore;
    @Autowired TokenStore tokenStore;
    @Autowired TransactionManager transactionManager;
    @Autowired JdbcTemplate jdbc;
    @Autowired DeadLetterQueues deadLetterQueues;

    @Test
    void usesTheJdbcStorageEngineAndSpringTransactions() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void eventAppendAndTokenUpdateCommitTogether() {
        String aggregateId = UUID.randomUUID().toString();
        String processor = "commit-" + aggregateId;
        tokenStore.initializeTokenSegments(processor, 1);

        ResultMessage<?> result = inTransaction(() -> {
            appendEventAndStoreToken(aggregateId, processor);
            return null;
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(eventsOf(aggregateId)).isEqualTo(1);
        assertThat(tokenStore.fetchToken(processor, 0)).isEqualTo(new GlobalSequenceTrackingToken(42));
    }

    @Test
    void eventAppendAndTokenUpdateRollBackTogether() {
        String aggregateId = UUID.randomUUID().toString();
        String processor = "rollback-" + aggregateId;
        tokenStore.initializeTokenSegments(processor, 1);

        ResultMessage<?> result = inTransaction(() -> {
            appendEventAndStoreToken(aggregateId, processor);
            throw new IllegalStateException("handler failed after both writes");
        });

        assertThat(result.exceptionResult()).hasMessage("handler failed after both writes");
        assertThat(eventsOf(aggregateId)).isZero();
        assertThat(tokenStore.fetchToken(processor, 0)).isNull();
    }

    @Test
    void reportsASecondWriterOfTheSameSequenceNumberAsAConcurrencyConflict() {
        String aggregateId = UUID.randomUUID().toString();
        ResultMessage<?> first = inTransaction(() -> {
            eventStore.publish(new GenericDomainEventMessage<>("Test", aggregateId, 0, "created"),
                    new GenericDomainEventMessage<>("Test", aggregateId, 1, "first writer"));
            return null;
        });
        ResultMessage<?> second = inTransaction(() -> {
            eventStore.publish(new GenericDomainEventMessage<>("Test", aggregateId, 1, "second writer, same sequence"));
            return null;
        });

        assertThat(first.isExceptional()).isFalse();
        assertThat(second.exceptionResult()).isInstanceOf(ConcurrencyException.class);
        assertThat(eventsOf(aggregateId)).isEqualTo(2);
    }

    @Test
    void reportsASecondCreationOfTheSameAggregateAsAStreamCreationConflict() {
        String aggregateId = UUID.randomUUID().toString();
        inTransaction(() -> {
            eventStore.publish(new GenericDomainEventMessage<>("Test", aggregateId, 0, "created"));
            return null;
        });
        ResultMessage<?> second = inTransaction(() -> {
            eventStore.publish(new GenericDomainEventMessage<>("Test", aggregateId, 0, "created again"));
            return null;
        });

        assertThat(second.exceptionResult()).isInstanceOf(AggregateStreamCreationException.class);
        assertThat(eventsOf(aggregateId)).isEqualTo(1);
    }

    @Test
    void storesPayloadsAsByteaNotLargeObjects() {
        String type = jdbc.queryForObject("""
                SELECT data_type FROM information_schema.columns
                WHERE table_schema = 'axon' AND table_name = 'domain_event_entry' AND column_name = 'payload'
                """, String.class);
        assertThat(type).isEqualTo("bytea");
    }

    @Test
    void parksADeadLetterInTheSnakeCaseTableAndEvictsIt() {
        String aggregateId = UUID.randomUUID().toString();
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueues.forProcessingGroup("dlq-" + aggregateId);
        GenericDomainEventMessage<String> event = new GenericDomainEventMessage<>("Test", aggregateId, 3, "poison");

        queue.enqueue(aggregateId, new GenericDeadLetter<>(aggregateId, event, new IllegalStateException("handler failed")));

        DeadLetter<? extends EventMessage<?>> parked = queue.deadLetterSequence(aggregateId).iterator().next();
        assertThat(parked.message().getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(parked.message().getPayload()).isEqualTo("poison");
        assertThat(parked.cause()).hasValueSatisfying(cause -> assertThat(cause.message()).isEqualTo("handler failed"));
        assertThat(jdbc.queryForObject("SELECT sequence_number FROM axon.dead_letter_entry WHERE processing_group = ?",
                Long.class, "dlq-" + aggregateId)).isEqualTo(3);

        queue.evict(parked);
        assertThat(queue.contains(aggregateId)).isFalse();
    }

    private ResultMessage<?> inTransaction(Callable<Object> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        return unitOfWork.executeWithResult(work);
    }

    private void appendEventAndStoreToken(String aggregateId, String processor) {
        eventStore.publish(new GenericDomainEventMessage<>("Test", aggregateId, 0, "payload of " + aggregateId));
        tokenStore.storeToken(new GlobalSequenceTrackingToken(42), processor, 0);
    }

    private int eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregateId);
    }
}

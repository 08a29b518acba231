package io.orderflow.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

/**
 * Builds Axon's JDBC sequenced dead-letter queue for a processing group, in {@code axon.dead_letter_entry}
 * on the shared connection provider: a parked event commits (or rolls back) with the processor's token.
 * A module registers one for each of its processing groups that may park events instead of stalling.
 */
public final class DeadLetterQueues {

    private final ConnectionProvider connectionProvider;
    private final TransactionManager transactionManager;
    private final Serializer eventSerializer;
    private final Serializer stateSerializer;

    DeadLetterQueues(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                     Serializer eventSerializer, Serializer stateSerializer) {
        this.connectionProvider = connectionProvider;
        this.transactionManager = transactionManager;
        this.eventSerializer = eventSerializer;
        this.stateSerializer = stateSerializer;
    }

    public SequencedDeadLetterQueue<EventMessage<?>> forProcessingGroup(String processingGroup) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processingGroup)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(AxonSchemas.deadLetters())
                .eventSerializer(eventSerializer)
                .genericSerializer(stateSerializer)
                .build();
    }
}

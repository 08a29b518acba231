package io.orderflow.projections.deadletter;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.operations.DeadLetterRetryView;
import io.orderflow.contracts.operations.DeadLetterSequenceView;
import io.orderflow.contracts.operations.DeadLetterView;
import io.orderflow.contracts.operations.DeadLettersView;
import io.orderflow.contracts.operations.EvictDeadLetterSequenceCommand;
import io.orderflow.contracts.operations.FindDeadLettersQuery;
import io.orderflow.contracts.operations.RetryDeadLettersCommand;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lists, retries and evicts the dead letters of every processing group that has a dead-letter queue.
 * The queue is Axon's JDBC one: reading it blocks, so queries read it on {@code boundedElastic}.
 */
@Component
class DeadLetterOperations {

    /** A retry handles at most this many sequences; call again for the rest. */
    static final int MAX_SEQUENCES_PER_RETRY = 100;
    private static final int MAX_SEQUENCES_LISTED = 100;
    private static final int MAX_LETTERS_LISTED = 20;

    private final EventProcessingConfiguration processing;

    DeadLetterOperations(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Null (unknown) when the group has no dead-letter queue. */
    @QueryHandler
    CompletableFuture<DeadLettersView> handle(FindDeadLettersQuery query) {
        return Mono.fromCallable(() -> list(query.processingGroup()))
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
    }

    @CommandHandler
    DeadLetterRetryView handle(RetryDeadLettersCommand command) {
        String group = command.processingGroup();
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> unknownGroup(group));
        List<String> sequences = sequenceIds(queue, MAX_SEQUENCES_PER_RETRY);
        int succeeded = 0;
        for (String sequenceId : sequences) {
            if (processor.process(letter -> sequenceId.equals(sequenceIdOf(letter)))) {
                succeeded++;
            }
        }
        return new DeadLetterRetryView(group, sequences.size(), succeeded, sequences.size() - succeeded,
                queue.amountOfSequences());
    }

    @CommandHandler
    int handle(EvictDeadLetterSequenceCommand command) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(command.processingGroup());
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(command.sequenceId()).forEach(letters::add);
        if (letters.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.DEAD_LETTER_NOT_FOUND, "Processing group "
                    + command.processingGroup() + " has no dead letters for " + command.sequenceId() + ".");
        }
        letters.forEach(queue::evict);
        return letters.size();
    }

    private DeadLettersView list(String onlyGroup) {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new TreeMap<>();
        if (onlyGroup != null) {
            var queue = processing.deadLetterQueue(onlyGroup);
            if (queue.isEmpty()) {
                return null;
            }
            queues.put(onlyGroup, queue.get());
        } else {
            processing.eventProcessors().keySet().forEach(name ->
                    processing.deadLetterQueue(name).ifPresent(queue -> queues.put(name, queue)));
        }
        List<DeadLetterSequenceView> sequences = new ArrayList<>();
        queues.forEach((group, queue) -> {
            for (String sequenceId : sequenceIds(queue, MAX_SEQUENCES_LISTED)) {
                List<DeadLetterView> letters = new ArrayList<>();
                Iterator<DeadLetter<? extends EventMessage<?>>> sequence = queue.deadLetterSequence(sequenceId).iterator();
                while (sequence.hasNext() && letters.size() < MAX_LETTERS_LISTED) {
                    letters.add(toView(sequence.next()));
                }
                sequences.add(new DeadLetterSequenceView(group, sequenceId, queue.sequenceSize(sequenceId), letters));
            }
        });
        return new DeadLettersView(sequences);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> unknownGroup(group));
    }

    /** The ids of the first {@code limit} parked sequences, oldest first (each from its first letter). */
    private static List<String> sequenceIds(SequencedDeadLetterQueue<EventMessage<?>> queue, int limit) {
        List<String> ids = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
            if (letters.hasNext()) {
                ids.add(sequenceIdOf(letters.next()));
            }
            if (ids.size() == limit) {
                break;
            }
        }
        return ids;
    }

    /** The JDBC queue keeps each letter's sequence; the read models sequence by aggregate, so that is the fallback. */
    private static String sequenceIdOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private static DeadLetterView toView(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> domain ? domain : null;
        return new DeadLetterView(
                letter instanceof JdbcDeadLetter<?> stored ? stored.getIdentifier() : null,
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? null : domainEvent.getSequenceNumber(),
                event.getTimestamp(),
                letter.enqueuedAt(),
                letter.lastTouched(),
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null));
    }

    private static BusinessRuleViolation unknownGroup(String group) {
        return new BusinessRuleViolation(ErrorCode.PROCESSING_GROUP_NOT_FOUND,
                "There is no processing group " + group + " with a dead-letter queue.");
    }
}

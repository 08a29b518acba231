package io.orderflow.stucksagas;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.contracts.saga.StuckReason;
import io.orderflow.platform.axon.ParkedSagaEvents;
import io.orderflow.platform.axon.ParkedSagaEvents.Failure;
import io.orderflow.platform.axon.ParkedSagaEvents.ParkedEvent;
import io.orderflow.platform.db.DatabaseFailures;
import io.orderflow.platform.kafka.KafkaUnavailableException;
import io.orderflow.saga.SagaCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.serialization.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks a saga step that keeps failing, so that the saga's processor goes on with every other order
 * (docs/decisions/0016). Two parts of the processor:
 * <ul>
 * <li>its error handler: a batch that failed is handled again event by event, each in a transaction of its own
 * that also moves the processor's token past the event, so that no event handled alone is handled again after a
 * restart or by the instance that takes the segment over. An event that fails {@link StuckSagaSettings#maxAttempts()}
 * times, with back-off, is parked with why; the order's later events of the batch are parked behind it. Then the
 * processor goes on. A segment whose claim this instance lost is left to its new owner. A failure of the database
 * itself (its connection, a deadlock, a serialization conflict) is no step's fault: the batch is left to the
 * processor, which retries it with back-off until the database is back.</li>
 * <li>its interceptor: an event of an order whose process is parked is parked behind it, unhandled, so that the
 * process sees its events in order once retried. Whether any order of a batch is parked is asked once per batch.</li>
 * </ul>
 * Not an {@link ErrorHandler} bean itself: Axon's Spring configuration would make such a bean every processor's
 * default error handler. Retries and resolutions of the console hand the parked events to the saga manager in a transaction of their own.
 * The order saga runs on one segment (application.yml); a retry hands events to the saga whatever its segment.
 */
public final class SagaStepParking {

    private static final Logger log = LoggerFactory.getLogger(SagaStepParking.class);
    private static final String PARKED_IN_BATCH = SagaStepParking.class.getName() + ".parkedInBatch";

    private final String processingGroup;
    private final ParkedSagaEvents parked;
    private final StuckSagaSettings settings;
    private final TransactionManager transactionManager;
    private final TokenStore tokenStore;
    private final Sleeper sleeper;
    private final ThreadLocal<Integer> segmentOfThread = new ThreadLocal<>();
    private volatile Supplier<AbstractSagaManager<?>> sagaManager;
    private volatile Supplier<StreamingEventProcessor> processor;
    private volatile Supplier<List<CorrelationDataProvider>> correlationDataProviders = List::of;

    public SagaStepParking(String processingGroup, ParkedSagaEvents parked, StuckSagaSettings settings,
                           TransactionManager transactionManager, TokenStore tokenStore, Sleeper sleeper) {
        this.processingGroup = processingGroup;
        this.parked = parked;
        this.settings = settings;
        this.transactionManager = transactionManager;
        this.tokenStore = tokenStore;
        this.sleeper = sleeper;
    }

    /** The saga's manager, processor and correlation data providers, once Axon's configuration has them. */
    void bind(Supplier<AbstractSagaManager<?>> sagaManager, Supplier<StreamingEventProcessor> processor,
              Supplier<List<CorrelationDataProvider>> correlationDataProviders) {
        this.sagaManager = sagaManager;
        this.processor = processor;
        this.correlationDataProviders = correlationDataProviders;
    }

    /** The saga processor's error handler. */
    ErrorHandler errorHandler() {
        return this::handleError;
    }

    /** The saga processor's interceptor. */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::handle;
    }

    // ---- the processor's batches: an order that is parked has its events parked behind its failing step

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        if (unitOfWork.getResource(segmentResource()) instanceof Integer segmentId) {
            segmentOfThread.set(segmentId);
        }
        String sequence = readableSequenceOf(event);
        if (sequence != null && parkedInBatch(unitOfWork).contains(sequence)) {
            parked.park(processingGroup, sequence, event, null);
            return null;
        }
        return interceptorChain.proceed();
    }

    private Set<String> parkedInBatch(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(PARKED_IN_BATCH, key -> {
            List<?> batch = unitOfWork.root() instanceof BatchingUnitOfWork<?> batching
                    ? batching.getMessages() : List.of(unitOfWork.getMessage());
            Set<String> sequences = new HashSet<>();
            batch.forEach(message -> {
                String sequence = message instanceof EventMessage<?> event ? readableSequenceOf(event) : null;
                if (sequence != null) {
                    sequences.add(sequence);
                }
            });
            return parked.parkedAmong(processingGroup, sequences);
        });
    }

    // ---- a failed batch: every event on its own, parked after its attempts

    private void handleError(ErrorContext errorContext) throws Exception {
        if (isInfrastructureAway(errorContext.error()) || claimLost(errorContext.error())) {
            throw rethrown(errorContext.error());
        }
        List<? extends EventMessage<?>> events = errorContext.failedEvents();
        log.warn("A batch of {} events of {} failed ({}); handling them one by one", events.size(), processingGroup,
                errorContext.error().toString());
        Segment segment = currentSegment();
        if (segment == null) {
            // the batch is retried whole, by this instance or by the one that holds its segment now
            throw rethrown(errorContext.error());
        }
        TokenAdvance advance = new TokenAdvance(errorContext.eventProcessor(), segment);
        Set<String> parkedSequences = new HashSet<>(inTransaction(() -> parked.parkedAmong(processingGroup, sequencesOf(events))));
        for (EventMessage<?> event : events) {
            String sequence = sequenceOf(event);
            if (parkedSequences.contains(sequence)) {
                inTransaction(() -> {
                    parked.park(processingGroup, sequence, event, null);
                    advance.past(event);
                });
                continue;
            }
            Failure failure = attemptsAt(event, segment, advance);
            if (failure != null) {
                inTransaction(() -> {
                    parked.park(processingGroup, sequence, event, failure);
                    advance.past(event);
                });
                parkedSequences.add(sequence);
                log.error("Parked the {} of {} {} after {} attempts: {}", event.getPayloadType().getSimpleName(), processingGroup,
                        sequence, failure.attempts(), failure.causeMessage());
            }
        }
    }

    /** Null when the event went through; why it is to be parked otherwise. */
    private Failure attemptsAt(EventMessage<?> event, Segment segment, TokenAdvance advance) throws Exception {
        Exception last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                sleeper.sleep(settings.backOffBefore(attempt));
            }
            try {
                handleAlone(List.of(event), segment, () -> advance.past(event));
                return null;
            } catch (Exception failed) {
                if (isInfrastructureAway(failed) || claimLost(failed)) {
                    throw failed;
                }
                last = failed;
            }
        }
        return failureOf(last, settings.maxAttempts());
    }

    /**
     * Moves the processor's token for the failed batch's segment past an event, in the transaction that handled or
     * parked it. The processor stored no token for the batch (its transaction rolled back); without this, the events
     * handled alone would be handled again from the token before the batch by whoever claims the segment next. The
     * token store refuses the write when the claim has moved to another instance, which fails that transaction.
     */
    private final class TokenAdvance {

        private final String processorName;
        private final Segment segment;

        TokenAdvance(String processorName, Segment segment) {
            this.processorName = processorName;
            this.segment = segment;
        }

        void past(EventMessage<?> event) {
            if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                tokenStore.storeToken(tracked.trackingToken(), processorName, segment.getSegmentId());
            }
        }
    }

    // ---- the console: hand a parked sequence to the saga again, or drop its failing step

    /**
     * Hands the parked events of {@code sequence} to the saga, the failing one first, in one transaction; they
     * leave the table if all go through. If one fails, nothing of it is kept but one more attempt on the sequence.
     *
     * @return null when the sequence is not parked
     */
    Outcome retry(String sequence) {
        return retry(sequence, false);
    }

    /** Drops the failing step of {@code sequence} (the first parked event) for good, in the caller's transaction. */
    ParkedEvent dropFailingStep(String sequence) {
        List<ParkedEvent> events = parked.sequence(processingGroup, sequence, true);
        if (events.isEmpty()) {
            return null;
        }
        parked.remove(List.of(events.get(0).id()));
        return events.get(0);
    }

    /** Like {@link #retry(String)}; answers an empty outcome instead of null when nothing is left to hand over. */
    Outcome retryRemaining(String sequence) {
        return retry(sequence, true);
    }

    private Outcome retry(String sequence, boolean emptyIsDone) {
        List<ParkedEvent> events = new ArrayList<>();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactionManager);
            events.addAll(parked.sequence(processingGroup, sequence, true));
            if (events.isEmpty()) {
                unitOfWork.commit();
                return emptyIsDone ? new Outcome(0, null) : null;
            }
            handleAlone(events.stream().<EventMessage<?>>map(ParkedEvent::message).toList(), Segment.ROOT_SEGMENT, () -> {
            });
            parked.remove(events.stream().map(ParkedEvent::id).toList());
            unitOfWork.commit();
            return new Outcome(events.size(), null);
        } catch (Exception failed) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failed);
            }
            if (events.isEmpty() || isInfrastructureAway(failed)) {
                throw failed instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
            }
            Failure failure = failureOf(failed, 1);
            inTransaction(() -> parked.recordFailedAttempt(events.get(0).id(), failure));
            return new Outcome(0, failure);
        }
    }

    /** The result of a retry: how many parked events went through, or why they stay parked. */
    record Outcome(int handled, Failure failure) {
    }

    // ---- handing events to the saga outside the processor's batch

    /**
     * Joins the current unit of work's transaction if there is one; in a transaction of its own otherwise, with
     * {@code alsoInTransaction} run after each event's handling.
     */
    private void handleAlone(List<EventMessage<?>> events, Segment segment, Runnable alsoInTransaction) throws Exception {
        for (EventMessage<?> event : events) {
            UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            try {
                if (unitOfWork.isRoot()) {
                    unitOfWork.attachTransaction(transactionManager);
                }
                correlationDataProviders.get().forEach(unitOfWork::registerCorrelationDataProvider);
                sagaManager.get().handle(event, segment);
                alsoInTransaction.run();
                unitOfWork.commit();
            } catch (Exception failed) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(failed);
                }
                throw failed;
            }
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactionManager.fetchInTransaction(work);
    }

    private void inTransaction(Runnable work) {
        transactionManager.executeInTransaction(work);
    }

    /** The segment this processor thread works on; null when this instance holds it no more, or cannot tell which it is. */
    private Segment currentSegment() {
        Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
        Integer segmentId = segmentOfThread.get();
        if (segmentId != null) {
            EventTrackerStatus held = status.get(segmentId);
            return held == null ? null : held.getSegment();
        }
        return status.size() == 1 ? status.values().iterator().next().getSegment() : null;
    }

    private String segmentResource() {
        return "Processor[" + processingGroup + "]/SegmentId";
    }

    // ---- rules

    /** An event of the order process belongs to its order; one that cannot be read is a sequence of its own. */
    static String sequenceOf(EventMessage<?> event) {
        String sequence = readableSequenceOf(event);
        return sequence == null ? event.getIdentifier() : sequence;
    }

    private static String readableSequenceOf(EventMessage<?> event) {
        try {
            return event.getPayload() instanceof ConcernsOrder concerning ? concerning.orderId().value() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Set<String> sequencesOf(List<? extends EventMessage<?>> events) {
        Set<String> sequences = new LinkedHashSet<>();
        events.forEach(event -> sequences.add(sequenceOf(event)));
        return sequences;
    }

    static Failure failureOf(Throwable failed, int attempts) {
        Throwable shown = causeOfType(failed, SagaCommands.CommandFailed.class);
        StuckReason reason;
        if (shown != null) {
            reason = causeOfType(failed, BusinessRuleViolation.class) != null ? StuckReason.COMMAND_REFUSED : StuckReason.COMMAND_FAILED;
        } else if (causeOfType(failed, SerializationException.class) != null) {
            shown = causeOfType(failed, SerializationException.class);
            reason = StuckReason.POISON_EVENT;
        } else {
            shown = rootCauseOf(failed);
            reason = StuckReason.HANDLER_FAILED;
        }
        return new Failure(reason.name(), attempts, shown.getClass().getName(), String.valueOf(shown.getMessage()));
    }

    /**
     * The database or the Kafka broker is away, or refused for a moment: nothing a step did, and nothing to park. The
     * batch is retried as a whole until they are back (a charge the broker has not acknowledged has no deadline yet).
     */
    static boolean isInfrastructureAway(Throwable failed) {
        return DatabaseFailures.isTransient(failed) || KafkaUnavailableException.isCauseOf(failed);
    }

    /** The segment's claim went to another instance: its events are the new owner's to handle, not to be parked here. */
    static boolean claimLost(Throwable failed) {
        return causeOfType(failed, UnableToClaimTokenException.class) != null;
    }

    private static Throwable causeOfType(Throwable failed, Class<? extends Throwable> type) {
        for (Throwable cause = failed; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static Throwable rootCauseOf(Throwable failed) {
        Throwable root = failed;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static Exception rethrown(Throwable failed) {
        if (failed instanceof Exception exception) {
            return exception;
        }
        throw (Error) failed;
    }

    /** Waits between attempts; a test's does not. */
    @FunctionalInterface
    public interface Sleeper {

        void sleep(Duration duration) throws InterruptedException;

        static Sleeper threadSleep() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }
}

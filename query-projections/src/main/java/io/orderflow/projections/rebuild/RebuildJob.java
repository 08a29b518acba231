package io.orderflow.projections.rebuild;

import io.orderflow.contracts.operations.RebuildKind;
import io.orderflow.contracts.operations.RebuildState;
import io.orderflow.contracts.operations.VerificationView;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.Generations;
import io.orderflow.projections.readmodel.ProjectionTarget;
import io.orderflow.projections.readmodel.ReadModel;
import io.orderflow.projections.rebuild.LiveProcessor.Paused;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One replay or verification of one read model, start to end, on its own thread:
 * <ol>
 * <li>{@code BUILDING}: read the event store from the first event into the new generation, in batches,
 * while the live generation keeps serving and keeps being written;</li>
 * <li>{@code VERIFYING}: once caught up, wait for the live processor to have seen as much, pause it, and
 * finish the rebuild at exactly the live position (an event the live read model has not handled yet is
 * held back); then compare the two generations row by row;</li>
 * <li>a verification drops its tables and lets the live processor go on;</li>
 * <li>{@code SWITCHING} (a replay): apply the held events, catch up with the store, and in one transaction
 * move the live processor's tokens to the rebuild's position, point the views at the new generation and
 * clear the group's dead letters (the rebuild handled those events); the processor resumes on the new
 * tables from there. Any failure before that commit leaves the live read model as it was.</li>
 * </ol>
 */
final class RebuildJob implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildJob.class);
    private static final int BATCH_SIZE = 500;
    private static final Duration CAUGHT_UP_AFTER = Duration.ofMillis(300);
    private static final Duration LIVE_CATCH_UP = Duration.ofSeconds(60);
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(30);

    private final UUID id;
    private final RebuildKind kind;
    private final boolean requireIdentical;
    private final ReadModel readModel;
    private final Generation live;
    private final Generation rebuilt;
    private final Collaborators with;
    private final AnnotationEventHandlerAdapter handlers;
    private RebuildState state = RebuildState.BUILDING;
    private long processedEvents;
    private long lastReported;

    /** What a job works with; {@code deadLetters} is null when the read model's group parks nothing. */
    record Collaborators(StreamableMessageSource<TrackedEventMessage<?>> eventStore, Generations generations,
                         RebuildLog log, TableComparison comparison, LiveProcessor liveProcessor,
                         SequencedDeadLetterQueue<?> deadLetters, TransactionTemplate transaction,
                         Function<Object, AnnotationEventHandlerAdapter> handlersOf, BooleanSupplier closing) {
    }

    RebuildJob(UUID id, RebuildKind kind, boolean requireIdentical, ReadModel readModel, Generation live,
               Generation rebuilt, Collaborators with) {
        this.id = id;
        this.kind = kind;
        this.requireIdentical = requireIdentical;
        this.readModel = readModel;
        this.live = live;
        this.rebuilt = rebuilt;
        this.with = with;
        this.handlers = with.handlersOf().apply(readModel.projection());
    }

    @Override
    public void run() {
        boolean switched = false;
        try {
            dropLeftovers();
            with.generations().create(rebuilt);
            try (BlockingStream<TrackedEventMessage<?>> stream = with.eventStore().openStream(null)) {
                TrackingToken position = applyUntilCaughtUp(stream, null, event -> true, null);
                with.liveProcessor().awaitCovering(position, LIVE_CATCH_UP);
                Paused paused = with.liveProcessor().pause(CLAIM_WAIT);
                try {
                    report(RebuildState.VERIFYING);
                    List<TrackedEventMessage<?>> held = new ArrayList<>();
                    position = applyUntilCaughtUp(stream, position, paused::processed, held);
                    paused.extendClaims();
                    VerificationView verification = with.comparison().compare(readModel, live, rebuilt);
                    with.log().verified(id, verification);
                    paused.extendClaims();
                    if (kind == RebuildKind.VERIFY) {
                        log.info("Verified {} against rebuilt generation {}: {} rows, {} differences",
                                readModel.name(), rebuilt.number(), verification.rowsCompared(), verification.differenceCount());
                    } else if (requireIdentical && !verification.identical()) {
                        throw new IllegalStateException(verification.differenceCount()
                                + " rows differ from the live read model; nothing was switched.");
                    } else {
                        report(RebuildState.SWITCHING);
                        apply(held);
                        TrackingToken end = applyUntilCaughtUp(stream, position, event -> true, null);
                        paused.extendClaims();
                        switchOver(paused, end);
                        switched = true;
                        log.info("Replayed {} into generation {} ({} events); generation {} is kept until the next rebuild",
                                readModel.name(), rebuilt.number(), processedEvents, live.number());
                    }
                } finally {
                    paused.resume(!with.closing().getAsBoolean());
                }
            }
            with.log().completed(id, processedEvents);
        } catch (InterruptedException e) {
            fail(switched, "interrupted: the application is shutting down");
            Thread.currentThread().interrupt(); // after recording the failure: an interrupted thread gets no connection
        } catch (RuntimeException e) {
            log.warn("Rebuild {} of {} failed", id, readModel.name(), e);
            fail(switched, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            if (kind == RebuildKind.VERIFY && !switched) {
                dropQuietly(rebuilt);
            }
        }
    }

    /**
     * Applies events from {@code stream} until none arrives for a moment. Events the projection has no
     * handler for are only counted; an event {@code include} rejects goes to {@code held}, or is dropped
     * when {@code held} is null.
     */
    private TrackingToken applyUntilCaughtUp(BlockingStream<TrackedEventMessage<?>> stream, TrackingToken from,
                                             Predicate<TrackedEventMessage<?>> include,
                                             List<TrackedEventMessage<?>> held) throws InterruptedException {
        TrackingToken position = from;
        List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH_SIZE);
        while (stream.hasNextAvailable((int) CAUGHT_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS)) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            TrackedEventMessage<?> event = stream.nextAvailable();
            position = event.trackingToken();
            processedEvents++;
            if (!handlers.canHandle(event)) {
                continue;
            }
            if (include.test(event)) {
                batch.add(event);
            } else if (held != null) {
                held.add(event);
            }
            if (batch.size() == BATCH_SIZE) {
                apply(batch);
                batch.clear();
            }
        }
        apply(batch);
        return position;
    }

    /** Applies {@code events} in order, in one transaction, to the generation being rebuilt. */
    private void apply(List<TrackedEventMessage<?>> events) {
        if (!events.isEmpty()) {
            with.transaction().executeWithoutResult(status -> ProjectionTarget.rebuildInto(rebuilt, () -> {
                for (TrackedEventMessage<?> event : events) {
                    try {
                        handlers.handle(event);
                    } catch (Exception e) {
                        throw new IllegalStateException("Event " + event.getIdentifier() + " ("
                                + event.getPayloadType().getSimpleName() + ") failed: " + e.getMessage(), e);
                    }
                }
            }));
        }
        if (processedEvents - lastReported >= BATCH_SIZE) {
            report(state);
        }
    }

    private void report(RebuildState state) {
        this.state = state;
        lastReported = processedEvents;
        with.log().progress(id, state, processedEvents);
    }

    private void switchOver(Paused paused, TrackingToken position) {
        with.transaction().executeWithoutResult(status -> {
            with.generations().lockActive(readModel.name());
            paused.moveTo(position);
            with.generations().activate(rebuilt);
            if (with.deadLetters() != null) {
                with.deadLetters().clear();
            }
        });
    }

    /** Generations other than the live one are left by earlier rebuilds (the previous live one, or a failed attempt). */
    private void dropLeftovers() {
        with.generations().existing(readModel).stream()
                .filter(generation -> generation.number() != live.number())
                .forEach(this::dropQuietly);
    }

    private void fail(boolean switched, String reason) {
        if (!switched) {
            dropQuietly(rebuilt);
        }
        with.log().failed(id, processedEvents, reason);
    }

    private void dropQuietly(Generation generation) {
        try {
            with.generations().drop(generation);
        } catch (RuntimeException e) {
            log.warn("Could not drop generation {} of {}", generation.number(), generation.readModel(), e);
        }
    }
}

package io.orderflow.projections.rebuild;

import io.orderflow.contracts.operations.VerificationView;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.Generations;
import io.orderflow.projections.readmodel.ProjectionTarget;
import io.orderflow.projections.readmodel.ReadModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verification for a process that runs no event processor (the auditor): replays a finished stream
 * of events into a scratch generation of a read model, compares it row by row with the active
 * generation ({@link TableComparison}, as a verification through {@link Rebuilds} does) and drops it.
 * It never pauses a processor, moves a token or switches a view, so the live read model must have
 * handled the same events for the two to be equal: run it on a system that is at rest.
 */
public final class ScratchReplay {

    private static final int BATCH_SIZE = 500;
    /** Far above the generations that replays number one by one, so that the two never meet. */
    private static final int SCRATCH_GENERATIONS_FROM = 1_000_000;

    private final Generations generations;
    private final TableComparison comparison;
    private final TransactionTemplate transaction;

    public ScratchReplay(JdbcTemplate jdbc, Generations generations, PlatformTransactionManager transactionManager) {
        this.generations = generations;
        this.comparison = new TableComparison(jdbc);
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Replays {@code events} (the whole store, first to last) into a scratch generation and compares it with the live one. */
    public VerificationView verify(ReadModel readModel, Stream<? extends TrackedEventMessage<?>> events) {
        Generation live = generations.active(readModel.name());
        Generation scratch = new Generation(readModel.name(),
                SCRATCH_GENERATIONS_FROM + ThreadLocalRandom.current().nextInt(SCRATCH_GENERATIONS_FROM));
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(readModel.projection());
        generations.create(scratch);
        try {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH_SIZE);
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (handlers.canHandle(event)) {
                    batch.add(event);
                }
                if (batch.size() == BATCH_SIZE) {
                    apply(handlers, scratch, batch);
                    batch.clear();
                }
            }
            apply(handlers, scratch, batch);
            return comparison.compare(readModel, live, scratch);
        } finally {
            generations.drop(scratch);
        }
    }

    private void apply(AnnotationEventHandlerAdapter handlers, Generation scratch, List<TrackedEventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> ProjectionTarget.rebuildInto(scratch, () -> {
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
}

package io.orderflow.projections.readmodel;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a projection writes its events, and how.
 *
 * <p><b>Set-based.</b> An event handler only records the rows its event changes, in the {@link PendingWrites}
 * of its unit of work (a processor's batch); they are written together, a statement per kind of row, when the
 * unit of work is about to commit. A batch of hundreds of events costs a handful of statements.
 *
 * <p><b>Careful after a failure.</b> When writing a batch fails on what it writes (not because the database is
 * away or busy), the batch is handled again one event at a time: each event's rows are written at once
 * in a savepoint, so that the handler of the event that cannot be written fails, Axon parks that event in the
 * dead-letter queue, and PostgreSQL's transaction stays usable for the rest of the batch. Once such a batch has
 * committed, writing is set-based again.
 *
 * <p>Live, events go to the active generation, looked up once per unit of work. Inside {@link #rebuildInto}
 * they go to the generation being rebuilt, in the rebuild's own transaction, written when the rebuild's batch
 * is done, and nothing is announced to subscribers.
 */
public final class ProjectionTarget {

    private static final Logger log = LoggerFactory.getLogger(ProjectionTarget.class);
    private static final ThreadLocal<Rebuilding> REBUILDING = new ThreadLocal<>();
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    private final String readModel;
    private final Generations generations;
    private final TransactionTemplate savepoint;
    private volatile boolean careful;

    public ProjectionTarget(String readModel, Generations generations, PlatformTransactionManager transactionManager) {
        this.readModel = readModel;
        this.generations = generations;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The rows that the events of one unit of work change in one read model, written together. */
    public interface PendingWrites {

        /** Writes every recorded row into {@code tables}; called once, in the unit of work's transaction. */
        void flush(Generation tables);
    }

    /**
     * Runs {@code work} on this thread with every projection writing into {@code generation} (of its read model),
     * and writes what it recorded before returning.
     */
    public static void rebuildInto(Generation generation, Runnable work) {
        Rebuilding before = REBUILDING.get();
        Rebuilding rebuilding = new Rebuilding(generation);
        REBUILDING.set(rebuilding);
        try {
            work.run();
            rebuilding.pending.values().forEach(writes -> writes.flush(generation));
        } finally {
            if (before == null) {
                REBUILDING.remove();
            } else {
                REBUILDING.set(before);
            }
        }
    }

    /**
     * Records an event's rows: {@code changes} adds them to the pending writes of this unit of work (made by
     * {@code newWrites} the first time), or, when careful, to writes of their own, written at once in a savepoint.
     */
    public <W extends PendingWrites> void record(Supplier<W> newWrites, Consumer<W> changes) {
        Rebuilding rebuilding = rebuilding();
        if (rebuilding != null) {
            @SuppressWarnings("unchecked")
            W writes = (W) rebuilding.pending.computeIfAbsent(this, target -> newWrites.get());
            changes.accept(writes);
            return;
        }
        if (careful || !CurrentUnitOfWork.isStarted()) {
            W writes = newWrites.get();
            changes.accept(writes);
            Generation active = activeGeneration();
            try {
                savepoint.executeWithoutResult(status -> writes.flush(active));
            } catch (DataAccessException failure) {
                // what the database said, rather than the statement: this is what the dead-letter queue shows
                throw new EventNotWritten(readModel, failure);
            }
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        W writes = root.getOrComputeResource("projections.pending." + readModel, key -> {
            W created = newWrites.get();
            root.onPrepareCommit(unitOfWork -> flush(created));
            return created;
        });
        changes.accept(writes);
    }

    private void flush(PendingWrites writes) {
        try {
            writes.flush(activeGeneration());
        } catch (DataAccessException failure) {
            if (isAboutTheData(failure)) {
                log.warn("Writing a batch of {} failed on its data; handling it again one event at a time: {}",
                        readModel, failure.getMostSpecificCause().toString());
                careful = true;
            }
            throw failure;
        }
    }

    /** Marks the end of a careful batch: once it commits, writing is set-based again. */
    private void endCarefulnessOnCommit() {
        if (careful && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> careful = false);
        }
    }

    /**
     * Whether PostgreSQL refused the statement for what it wrote (a data exception, a violated constraint, a
     * trigger's refusal), rather than the database being away or busy: connection (08), transaction rollback
     * (40), insufficient resources (53), operator intervention (57) and system errors (58) are retried as they are.
     */
    private static boolean isAboutTheData(DataAccessException failure) {
        Throwable cause = failure.getMostSpecificCause();
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return !TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2));
        }
        return false;
    }

    /** Whether events now go to the serving read model, so that subscribers should hear of the change. */
    public boolean isLive() {
        return rebuilding() == null;
    }

    /** The generation readers see (and live events go to). */
    public Generation activeGeneration() {
        if (CurrentUnitOfWork.isStarted()) {
            endCarefulnessOnCommit();
            return CurrentUnitOfWork.get().root().getOrComputeResource("projections.generation." + readModel,
                    key -> generations.active(readModel));
        }
        return generations.active(readModel);
    }

    private Rebuilding rebuilding() {
        Rebuilding rebuilding = REBUILDING.get();
        return rebuilding != null && rebuilding.generation.readModel().equals(readModel) ? rebuilding : null;
    }

    /** An event's rows could not be written; the message is the database's reason. */
    static final class EventNotWritten extends RuntimeException {

        EventNotWritten(String readModel, DataAccessException failure) {
            super(readModel + ": " + failure.getMostSpecificCause().getMessage(), failure);
        }
    }

    /** A rebuild under way on this thread: its generation and the writes it has recorded so far. */
    private static final class Rebuilding {

        private final Generation generation;
        private final Map<ProjectionTarget, PendingWrites> pending = new LinkedHashMap<>();

        private Rebuilding(Generation generation) {
            this.generation = generation;
        }
    }
}

package io.orderflow.projections.readmodel;

import java.util.function.Function;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a projection writes an event, and how. Live, the event goes to the active generation, looked up
 * once per unit of work (a processor batch), and its writes run in a savepoint: when a handler fails,
 * its partial writes are undone and PostgreSQL's transaction stays usable, so Axon can park the event in
 * the dead-letter queue and commit the rest of the batch. Inside {@link #rebuildInto} the event goes to
 * the generation being rebuilt, in the rebuild's own transaction, and nothing is announced to
 * subscribers.
 */
public final class ProjectionTarget {

    private static final ThreadLocal<Generation> REBUILDING = new ThreadLocal<>();

    private final String readModel;
    private final Generations generations;
    private final TransactionTemplate savepoint;

    public ProjectionTarget(String readModel, Generations generations, PlatformTransactionManager transactionManager) {
        this.readModel = readModel;
        this.generations = generations;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs {@code work} on this thread with every projection writing into {@code generation} (of its read model). */
    public static void rebuildInto(Generation generation, Runnable work) {
        Generation before = REBUILDING.get();
        REBUILDING.set(generation);
        try {
            work.run();
        } finally {
            if (before == null) {
                REBUILDING.remove();
            } else {
                REBUILDING.set(before);
            }
        }
    }

    /** Applies the writes of one event to the generation this event belongs to, all or nothing. */
    public <T> T write(Function<Generation, T> writes) {
        Generation rebuilding = rebuilding();
        if (rebuilding != null) {
            return writes.apply(rebuilding);
        }
        Generation active = activeGeneration();
        return savepoint.execute(status -> writes.apply(active));
    }

    /** Whether events now go to the serving read model, so that subscribers should hear of the change. */
    public boolean isLive() {
        return rebuilding() == null;
    }

    /** The generation readers see (and live events go to). */
    public Generation activeGeneration() {
        if (CurrentUnitOfWork.isStarted()) {
            return CurrentUnitOfWork.get().root().getOrComputeResource("projections.generation." + readModel,
                    key -> generations.active(readModel));
        }
        return generations.active(readModel);
    }

    private Generation rebuilding() {
        Generation generation = REBUILDING.get();
        return generation != null && generation.readModel().equals(readModel) ? generation : null;
    }
}

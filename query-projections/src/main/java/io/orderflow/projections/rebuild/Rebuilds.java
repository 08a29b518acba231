package io.orderflow.projections.rebuild;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.operations.RebuildKind;
import io.orderflow.contracts.operations.ReplayReadModelCommand;
import io.orderflow.contracts.operations.VerifyReadModelCommand;
import io.orderflow.platform.axon.ProcessorPauses;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.Generations;
import io.orderflow.projections.readmodel.ReadModel;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts replays and verifications of read models and runs them in the background, one at a time per
 * read model. The command answers at once with the rebuild's id; its progress is in
 * {@code projections.rebuild}. Stopping the application interrupts running rebuilds, which then fail
 * without touching the live read model.
 */
@Component
class Rebuilds implements SmartLifecycle {

    private final Map<String, ReadModel> readModels;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Configuration axon;
    private final Generations generations;
    private final RebuildLog log;
    private final TableComparison comparison;
    private final TransactionTemplate transaction;
    private final ProcessorPauses pauses;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("read-model-rebuild"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("read-model-rebuild-heartbeat"));
    private volatile boolean closing;

    Rebuilds(List<ReadModel> readModels, EventStore eventStore, EventProcessingConfiguration processing, Configuration axon,
             Generations generations, RebuildLog log, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
             ProcessorPauses pauses) {
        this.readModels = readModels.stream().collect(Collectors.toMap(ReadModel::name, Function.identity()));
        this.eventStore = eventStore;
        this.processing = processing;
        this.axon = axon;
        this.generations = generations;
        this.log = log;
        this.comparison = new TableComparison(jdbc);
        this.transaction = new TransactionTemplate(transactionManager);
        this.pauses = pauses;
    }

    @CommandHandler
    String handle(ReplayReadModelCommand command) {
        return start(command.readModel(), RebuildKind.REPLAY, command.requireIdentical());
    }

    @CommandHandler
    String handle(VerifyReadModelCommand command) {
        return start(command.readModel(), RebuildKind.VERIFY, false);
    }

    private String start(String name, RebuildKind kind, boolean requireIdentical) {
        ReadModel readModel = readModels.get(name);
        if (readModel == null) {
            throw new BusinessRuleViolation(ErrorCode.READ_MODEL_NOT_FOUND, "There is no read model " + name + ".");
        }
        UUID id = UUID.randomUUID();
        RebuildJob job = transaction.execute(status -> {
            Generation live = generations.lockActive(name);
            if (log.running(name)) {
                throw new BusinessRuleViolation(ErrorCode.REBUILD_ALREADY_RUNNING,
                        "A replay or verification of " + name + " is running; wait for it to finish.");
            }
            Generation rebuilt = new Generation(name, Math.max(live.number(), log.lastGeneration(name)) + 1);
            TrackingToken head = eventStore.createHeadToken();
            long totalEvents = head == null ? 0 : head.position().orElse(0);
            log.started(id, name, kind, rebuilt.number(), live.number(), totalEvents);
            return new RebuildJob(id, kind, requireIdentical, readModel, live, rebuilt, collaborators(name));
        });
        // the command's own unit of work may still hold a transaction: start once the row is visible to others
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> run(id, job));
        } else {
            run(id, job);
        }
        return id.toString();
    }

    private void run(UUID id, RebuildJob job) {
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> log.heartbeat(id),
                RebuildLog.HEARTBEAT.toMillis(), RebuildLog.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        workers.execute(() -> {
            try {
                job.run();
            } finally {
                heartbeat.cancel(false);
            }
        });
    }

    private RebuildJob.Collaborators collaborators(String name) {
        return new RebuildJob.Collaborators(eventStore, generations, log, comparison,
                new LiveProcessor(name, processing, transaction, pauses),
                processing.deadLetterQueue(name).orElse(null), transaction, this::handlersOf, () -> closing);
    }

    /** The projection's event handlers, resolved the way Axon resolves them for its processors. */
    private AnnotationEventHandlerAdapter handlersOf(Object projection) {
        return new AnnotationEventHandlerAdapter(projection, axon.parameterResolverFactory(),
                axon.handlerDefinition(projection.getClass()));
    }

    @Override
    public void start() {
        closing = false;
    }

    /** Interrupts running rebuilds first (this phase stops before Axon's processors) and waits a little for them. */
    @Override
    public void stop() {
        closing = true;
        workers.shutdownNow();
        heartbeats.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return !closing;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

package io.orderflow.stucksagas;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.saga.FindStuckSagaQuery;
import io.orderflow.contracts.saga.FindStuckSagasQuery;
import io.orderflow.contracts.saga.ParkedEventView;
import io.orderflow.contracts.saga.ResolveStuckSagaCommand;
import io.orderflow.contracts.saga.RetryStuckSagaCommand;
import io.orderflow.contracts.saga.StuckReason;
import io.orderflow.contracts.saga.StuckSagaDetailView;
import io.orderflow.contracts.saga.StuckSagaResolutionView;
import io.orderflow.contracts.saga.StuckSagaRetryView;
import io.orderflow.contracts.saga.StuckSagaView;
import io.orderflow.contracts.saga.StuckSagasView;
import io.orderflow.platform.axon.ParkedSagaEvents;
import io.orderflow.platform.axon.ParkedSagaEvents.ParkedEvent;
import io.orderflow.platform.axon.ParkedSagaEvents.StuckSequence;
import io.orderflow.saga.OrderSaga;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The stuck-saga console's queries and commands. Reading the parked steps blocks, so queries read them on
 * {@code boundedElastic}. A retry or a resolution hands events to the saga in a unit of work and transaction of
 * its own, on a thread of its own: not in the unit of work of the command that asked for it.
 */
final class StuckSagaOperations {

    private static final String GROUP = OrderSaga.PROCESSING_GROUP;

    private final ParkedSagaEvents parked;
    private final SagaStepParking parking;
    private final CommandGateway commandGateway;
    private final TransactionManager transactionManager;
    private final ExecutorService executor;

    StuckSagaOperations(ParkedSagaEvents parked, SagaStepParking parking, CommandGateway commandGateway,
                        TransactionManager transactionManager, ExecutorService executor) {
        this.parked = parked;
        this.parking = parking;
        this.commandGateway = commandGateway;
        this.transactionManager = transactionManager;
        this.executor = executor;
    }

    @QueryHandler
    CompletableFuture<StuckSagasView> handle(FindStuckSagasQuery query) {
        return Mono.fromCallable(() -> new StuckSagasView(parked.stuck(GROUP, FindStuckSagasQuery.LIMIT).stream()
                        .map(StuckSagaOperations::toView).toList()))
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
    }

    /** Null (unknown) when the order's process is not stuck. */
    @QueryHandler
    CompletableFuture<StuckSagaDetailView> handle(FindStuckSagaQuery query) {
        String orderId = query.orderId().value();
        return Mono.fromCallable(() -> parked.stuck(GROUP, orderId)
                        .map(stuck -> new StuckSagaDetailView(toView(stuck), parked.sequence(GROUP, orderId, false).stream()
                                .map(StuckSagaOperations::toView).toList()))
                        .orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
    }

    @CommandHandler
    StuckSagaRetryView handle(RetryStuckSagaCommand command) {
        String orderId = command.orderId().value();
        SagaStepParking.Outcome outcome = onOwnThread(() -> parking.retry(orderId));
        if (outcome == null) {
            throw notStuck(orderId);
        }
        return new StuckSagaRetryView(orderId, outcome.failure() == null, outcome.handled(),
                outcome.failure() == null ? null : parked.stuck(GROUP, orderId).map(StuckSagaOperations::toView).orElse(null));
    }

    /**
     * The order is asked to cancel and the failing step dropped in one transaction; then the order's other parked
     * events are handed to the process, which handles the cancellation after them and gives back what is held.
     */
    @CommandHandler
    StuckSagaResolutionView handle(ResolveStuckSagaCommand command) {
        String orderId = command.orderId().value();
        ParkedEvent dropped = onOwnThread(() -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                unitOfWork.attachTransaction(transactionManager);
                ParkedEvent failingStep = parking.dropFailingStep(orderId);
                if (failingStep != null) {
                    commandGateway.sendAndWait(new CancelOrderCommand(command.orderId(), command.reason(), command.detail()));
                }
                unitOfWork.commit();
                return failingStep;
            } catch (RuntimeException failed) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(failed);
                }
                throw failed;
            }
        });
        if (dropped == null) {
            throw notStuck(orderId);
        }
        SagaStepParking.Outcome rest = onOwnThread(() -> parking.retryRemaining(orderId));
        int remaining = rest.failure() == null ? 0 : parked.stuck(GROUP, orderId).map(StuckSequence::parkedEvents).orElse(0);
        return new StuckSagaResolutionView(orderId, command.reason(), dropped.eventType(), rest.handled(), remaining);
    }

    private <T> T onOwnThread(Callable<T> work) {
        Future<T> result = executor.submit(work);
        try {
            return result.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing parked events to the order saga", interrupted);
        }
    }

    private static BusinessRuleViolation notStuck(String orderId) {
        return new BusinessRuleViolation(ErrorCode.STUCK_SAGA_NOT_FOUND, "The process of order " + orderId + " is not stuck.");
    }

    private static StuckSagaView toView(StuckSequence stuck) {
        return new StuckSagaView(stuck.sequenceId(), stuck.reason() == null ? null : StuckReason.valueOf(stuck.reason()),
                stuck.attempts(), stuck.failingEventType(), stuck.failingEventId(),
                stuck.causeMessage() == null ? null : stuck.causeType() + ": " + stuck.causeMessage(),
                stuck.parkedAt(), stuck.lastAttemptAt(), stuck.parkedEvents());
    }

    private static ParkedEventView toView(ParkedEvent event) {
        return new ParkedEventView(event.eventId(), event.eventType(), event.aggregateId(), event.aggregateSequence(), event.timestamp());
    }
}

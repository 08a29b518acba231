package io.orderflow.edge.operations;

import io.orderflow.contracts.audit.AuditedAggregate;
import io.orderflow.contracts.audit.EventTimelineView;
import io.orderflow.contracts.audit.FindEventTimelineQuery;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.saga.FindStuckSagaQuery;
import io.orderflow.contracts.saga.FindStuckSagasQuery;
import io.orderflow.contracts.saga.ParkedEventView;
import io.orderflow.contracts.saga.ResolveStuckSagaCommand;
import io.orderflow.contracts.saga.RetryStuckSagaCommand;
import io.orderflow.contracts.saga.StuckSagaDetailView;
import io.orderflow.contracts.saga.StuckSagaResolutionView;
import io.orderflow.contracts.saga.StuckSagaRetryView;
import io.orderflow.contracts.saga.StuckSagaView;
import io.orderflow.contracts.saga.StuckSagasView;
import io.orderflow.edge.dispatch.Commands;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The stuck-saga console: order processes whose step kept failing and was parked after its attempts, with the
 * order's later events behind it, while every other order goes on (docs/decisions/0016).
 * <ul>
 * <li>{@code GET}: {@code {sagas: [{orderId, reason, attempts, failingStep, failingEventId, lastError, parkedAt,
 * lastAttemptAt, parkedEvents}]}}, the longest parked first;</li>
 * <li>{@code GET /{orderId}}: {@code {saga, parkedEvents: [{eventId, eventType, aggregateId, aggregateSequence,
 * timestamp}], events}}, {@code events} being the order's event timeline;</li>
 * <li>{@code POST /{orderId}/retry} once the cause is fixed: {@code {orderId, succeeded, handled, stillStuck}};</li>
 * <li>{@code POST /{orderId}/resolve} with {@code {reason, detail}}: the order is cancelled with that reason, the
 * failing step dropped, and the process gives back what the order holds: {@code {orderId, reason, droppedStep,
 * redelivered, remaining}}.</li>
 * </ul>
 * An order whose process is not stuck answers {@code 404 STUCK_SAGA_NOT_FOUND}.
 */
@RestController
@RequestMapping(path = "/api/admin/sagas", produces = MediaType.APPLICATION_JSON_VALUE)
class StuckSagaAdminController {

    private final Commands commands;
    private final Queries queries;

    StuckSagaAdminController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    Mono<StuckSagasView> stuckSagas() {
        return queries.one(new FindStuckSagasQuery(), StuckSagasView.class);
    }

    @GetMapping("/{orderId}")
    Mono<StuckSaga> stuckSaga(@PathVariable String orderId) {
        return Mono.defer(() -> queries.one(new FindStuckSagaQuery(idOf(orderId)), StuckSagaDetailView.class))
                .switchIfEmpty(Mono.error(() -> notStuck(orderId)))
                .flatMap(stuck -> queries.one(new FindEventTimelineQuery(AuditedAggregate.ORDER, orderId, 0,
                                FindEventTimelineQuery.MAX_LIMIT), EventTimelineView.class)
                        .map(events -> new StuckSaga(stuck.saga(), stuck.parkedEvents(), events))
                        .defaultIfEmpty(new StuckSaga(stuck.saga(), stuck.parkedEvents(), null)));
    }

    @PostMapping("/{orderId}/retry")
    Mono<StuckSagaRetryView> retry(@PathVariable String orderId) {
        return Mono.defer(() -> commands.ask(new RetryStuckSagaCommand(idOf(orderId)), StuckSagaRetryView.class));
    }

    @PostMapping(path = "/{orderId}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<StuckSagaResolutionView> resolve(@PathVariable String orderId, @Valid @RequestBody Resolution resolution) {
        return Mono.defer(() -> commands.ask(new ResolveStuckSagaCommand(idOf(orderId), resolution.reason(), resolution.detail()),
                StuckSagaResolutionView.class));
    }

    private static OrderId idOf(String orderId) {
        if (orderId.isBlank()) {
            throw notStuck(orderId);
        }
        return OrderId.of(orderId);
    }

    private static ApiProblem notStuck(String orderId) {
        return ApiProblem.of(ErrorCode.STUCK_SAGA_NOT_FOUND, "The process of order " + orderId + " is not stuck.");
    }

    /** One stuck process, its parked events (the failing one first) and the order's event timeline. */
    record StuckSaga(StuckSagaView saga, List<ParkedEventView> parkedEvents, EventTimelineView events) {
    }

    /** Body of {@code POST /{orderId}/resolve}: why the order is cancelled. */
    record Resolution(@NotNull CancellationReason reason, @Size(max = 500) String detail) {
    }
}

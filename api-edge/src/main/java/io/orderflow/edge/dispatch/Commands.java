package io.orderflow.edge.dispatch;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.EdgeProperties;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.Failures;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.extensions.reactor.commandhandling.gateway.ReactorCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Sends commands: off the event loop, retried a few times when another command changed the same
 * aggregate first, and given up with {@code TIMEOUT} after {@code orderflow.edge.timeout}. The retry
 * covers the whole dispatch, so each attempt loads the aggregate afresh. Every command carries
 * {@link CommandMetadata}: who sent it and the request's idempotency key.
 */
@Component
public class Commands {

    private final ReactorCommandGateway gateway;
    private final EdgeProperties properties;

    Commands(ReactorCommandGateway gateway, EdgeProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    /** Sends a command that creates an aggregate. Completes when the command has been handled. */
    public Mono<Void> send(Object command) {
        return dispatch(command);
    }

    /** Sends a command to an aggregate that must exist already; when it does not, fails with {@code whenUnknown}. */
    public Mono<Void> sendToExisting(Object command, Supplier<ApiProblem> whenUnknown) {
        return dispatch(command).onErrorMap(
                failure -> Failures.causeOf(failure, AggregateNotFoundException.class).isPresent(),
                failure -> whenUnknown.get());
    }

    /** Sends a command whose handler answers with a result, and answers that result. */
    public <R> Mono<R> ask(Object command, Class<R> resultType) {
        return this.<Object>dispatching(command).map(resultType::cast);
    }

    private Mono<Void> dispatch(Object command) {
        return dispatching(command).then();
    }

    private <R> Mono<R> dispatching(Object command) {
        return CommandMetadata.current()
                .flatMap(metadata -> Mono.deferContextual(context -> inRequestTrace(context,
                        () -> gateway.<R>send(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata)))))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(properties.concurrencyRetries(), properties.retryBackoff())
                        .filter(failure -> Failures.causeOf(failure, ConcurrencyException.class).isPresent())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .timeout(properties.timeout(), Mono.error(() -> ApiProblem.of(ErrorCode.TIMEOUT,
                        "The command was not handled within " + properties.timeout().toMillis() + " ms.")));
    }

    /**
     * Dispatches in the HTTP request's observation, so that Axon's dispatch span (and the trace context it
     * writes into the command's metadata) belongs to the request's trace. The dispatch is subscribed to
     * here, while the scope is open: the command bus runs it on this thread.
     */
    private static <R> Mono<R> inRequestTrace(ContextView context, Supplier<Mono<R>> dispatch) {
        Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (observation == null) {
            return dispatch.get();
        }
        try (Observation.Scope scope = observation.openScope()) {
            return Mono.fromFuture(dispatch.get().toFuture());
        }
    }
}

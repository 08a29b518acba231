package io.orderflow.edge.dispatch;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.EdgeProperties;
import io.orderflow.edge.problem.ApiProblem;
import java.util.List;
import org.axonframework.extensions.reactor.queryhandling.gateway.ReactorQueryGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks queries, or follows them as subscription queries: off the event loop, and given up with
 * {@code TIMEOUT} when the answer takes longer than {@code orderflow.edge.timeout}.
 */
@Component
public class Queries {

    private final ReactorQueryGateway gateway;
    private final EdgeProperties properties;

    Queries(ReactorQueryGateway gateway, EdgeProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    /** The single answer to {@code query}; empty when the handler answered null (nothing known). */
    public <R> Mono<R> one(Object query, Class<R> answerType) {
        return ask(query, ResponseTypes.instanceOf(answerType));
    }

    /** The list answering {@code query}; an empty list when the handler answered nothing. */
    public <R> Mono<List<R>> many(Object query, Class<R> elementType) {
        return ask(query, ResponseTypes.multipleInstancesOf(elementType)).defaultIfEmpty(List.of());
    }

    /**
     * Follows {@code query}: its current answer (if it has one) and then every change announced for it,
     * until the subscriber cancels, which also ends the subscription on the query bus. Only the current
     * answer is bounded by the timeout; changes may take as long as they take. Updates can arrive before
     * the current answer was read and repeat it (STACK-NOTES, trap 6): the caller drops what it has seen.
     */
    public <I, U> Flux<Live<I, U>> follow(Object query, Class<I> currentType, Class<U> changeType) {
        return follow(query, ResponseTypes.instanceOf(currentType), changeType);
    }

    /** {@link #follow}, for a query whose current answer is a list (an empty list when there is none). */
    public <E, U> Flux<Live<List<E>, U>> followList(Object query, Class<E> elementType, Class<U> changeType) {
        return follow(query, ResponseTypes.multipleInstancesOf(elementType), changeType);
    }

    private <I, U> Flux<Live<I, U>> follow(Object query, ResponseType<I> currentType, Class<U> changeType) {
        return Flux.usingWhen(
                Mono.defer(() -> gateway.<Object, I, U>subscriptionQuery(query, currentType,
                        ResponseTypes.instanceOf(changeType))).subscribeOn(Schedulers.boundedElastic()),
                subscription -> Flux.concat(
                        subscription.initialResult()
                                .timeout(properties.timeout(), Mono.error(() -> ApiProblem.of(ErrorCode.TIMEOUT,
                                        "The query was not answered within " + properties.timeout().toMillis() + " ms.")))
                                .map(current -> (Live<I, U>) new Live.Current<I, U>(current)),
                        subscription.updates().map(change -> (Live<I, U>) new Live.Change<I, U>(change))),
                subscription -> Mono.fromRunnable(subscription::cancel));
    }

    private <R> Mono<R> ask(Object query, ResponseType<R> responseType) {
        return Mono.defer(() -> gateway.<R, Object>query(query, responseType))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.timeout(), Mono.error(() -> ApiProblem.of(ErrorCode.TIMEOUT,
                        "The query was not answered within " + properties.timeout().toMillis() + " ms.")));
    }
}

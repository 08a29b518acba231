package io.orderflow.edge.dispatch;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.EdgeProperties;
import io.orderflow.edge.problem.ApiProblem;
import java.util.List;
import org.axonframework.extensions.reactor.queryhandling.gateway.ReactorQueryGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Asks queries: off the event loop, and given up with {@code TIMEOUT} after {@code orderflow.edge.timeout}. */
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

    private <R> Mono<R> ask(Object query, ResponseType<R> responseType) {
        return Mono.defer(() -> gateway.<R, Object>query(query, responseType))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.timeout(), Mono.error(() -> ApiProblem.of(ErrorCode.TIMEOUT,
                        "The query was not answered within " + properties.timeout().toMillis() + " ms.")));
    }
}

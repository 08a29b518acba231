package io.orderflow.edge;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.extensions.reactor.commandhandling.gateway.DefaultReactorCommandGateway;
import org.axonframework.extensions.reactor.commandhandling.gateway.ReactorCommandGateway;
import org.axonframework.extensions.reactor.queryhandling.gateway.DefaultReactorQueryGateway;
import org.axonframework.extensions.reactor.queryhandling.gateway.ReactorQueryGateway;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Real Axon buses, local and in memory, with {@link InMemoryBackend} subscribed as the only command and
 * query handler; the test key that signs {@link TestTokens}; an in-memory idempotency store. Also a web
 * filter that fails on one test path, to reach the edge's last-resort handler.
 */
@TestConfiguration(proxyBeanMethods = false)
class InMemoryAxon {

    static final String FAILING_FILTER_PATH = "/test/failing-filter";

    @Bean
    QueryUpdateEmitter queryUpdateEmitter() {
        return SimpleQueryUpdateEmitter.builder().build();
    }

    @Bean
    InMemoryBackend inMemoryBackend(QueryUpdateEmitter queryUpdateEmitter) {
        return new InMemoryBackend(queryUpdateEmitter);
    }

    /** The keys the auth component would hand to the edge. */
    @Bean
    JWKSource<SecurityContext> testTokenKeys() {
        return TestTokens.keySource();
    }

    @Bean
    InMemoryIdempotencyStore inMemoryIdempotencyStore() {
        return new InMemoryIdempotencyStore();
    }

    @Bean
    CommandBus commandBus(InMemoryBackend backend) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        new AnnotationCommandHandlerAdapter<>(backend).subscribe(commandBus);
        return commandBus;
    }

    @Bean
    QueryBus queryBus(InMemoryBackend backend, QueryUpdateEmitter queryUpdateEmitter) {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().queryUpdateEmitter(queryUpdateEmitter).build();
        new AnnotationQueryHandlerAdapter<>(backend).subscribe(queryBus);
        return queryBus;
    }

    @Bean
    ReactorCommandGateway reactorCommandGateway(CommandBus commandBus) {
        return DefaultReactorCommandGateway.builder().commandBus(commandBus).build();
    }

    @Bean
    ReactorQueryGateway reactorQueryGateway(QueryBus queryBus) {
        return DefaultReactorQueryGateway.builder().queryBus(queryBus).build();
    }

    @Bean
    WebFilter failingFilter() {
        return (exchange, chain) -> exchange.getRequest().getPath().value().equals(FAILING_FILTER_PATH)
                ? Mono.error(new IllegalStateException("filter blew up with secret token s3cr3t"))
                : chain.filter(exchange);
    }
}

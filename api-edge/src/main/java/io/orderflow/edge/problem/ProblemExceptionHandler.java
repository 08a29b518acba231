package io.orderflow.edge.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every failure inside WebFlux's dispatching with a problem document: Spring's own errors
 * (unknown route, 405, 406, 415, unreadable or invalid body) through the inherited handlers, everything
 * else through {@link Failures}.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> handleFailure(Exception failure, ServerWebExchange exchange) {
        ApiProblem problem = Failures.classify(failure);
        return Mono.just(Problems.response(problem, ErrorStatus.of(problem.code()), null, failure, exchange));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ApiProblem problem = Problems.fromSpring(failure, status);
        return Mono.just(Problems.response(problem, status, headers, failure, exchange));
    }
}

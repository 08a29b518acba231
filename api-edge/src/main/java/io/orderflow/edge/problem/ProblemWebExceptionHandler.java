package io.orderflow.edge.problem;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last line: failures that escape WebFlux's dispatching (from a web filter, say) would otherwise reach
 * Boot's error handler, which answers with its own JSON. Ordered just before it (Boot's is -1).
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private final ProblemWriter writer;

    ProblemWebExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ResponseEntity<Object> answer = failure instanceof ErrorResponse springError
                ? Problems.response(Problems.fromSpring(failure, springError.getStatusCode()),
                        springError.getStatusCode(), springError.getHeaders(), failure, exchange)
                : answerFor(Failures.classify(failure), failure, exchange);
        return writer.write(answer, exchange);
    }

    private static ResponseEntity<Object> answerFor(ApiProblem problem, Throwable failure, ServerWebExchange exchange) {
        HttpStatusCode status = ErrorStatus.of(problem.code());
        return Problems.response(problem, status, null, failure, exchange);
    }
}

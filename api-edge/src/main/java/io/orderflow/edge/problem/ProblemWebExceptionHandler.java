package io.orderflow.edge.problem;

import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
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

    private static final ResolvableType PROBLEM_TYPE = ResolvableType.forClass(ProblemDetail.class);

    private final ServerCodecConfigurer codecs;

    ProblemWebExceptionHandler(ServerCodecConfigurer codecs) {
        this.codecs = codecs;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ResponseEntity<Object> answer = failure instanceof ErrorResponse springError
                ? Problems.response(Problems.fromSpring(failure, springError.getStatusCode()),
                        springError.getStatusCode(), springError.getHeaders(), failure, exchange)
                : answerFor(Failures.classify(failure), failure, exchange);
        return write(answer, response);
    }

    private static ResponseEntity<Object> answerFor(ApiProblem problem, Throwable failure, ServerWebExchange exchange) {
        HttpStatusCode status = ErrorStatus.of(problem.code());
        return Problems.response(problem, status, null, failure, exchange);
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> write(ResponseEntity<Object> answer, ServerHttpResponse response) {
        response.setStatusCode(answer.getStatusCode());
        response.getHeaders().putAll(answer.getHeaders());
        HttpMessageWriter<ProblemDetail> writer = codecs.getWriters().stream()
                .filter(candidate -> candidate.canWrite(PROBLEM_TYPE, MediaType.APPLICATION_PROBLEM_JSON))
                .map(candidate -> (HttpMessageWriter<ProblemDetail>) candidate)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JSON writer for problem details"));
        return writer.write(Mono.just((ProblemDetail) answer.getBody()), PROBLEM_TYPE,
                MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
    }
}

package io.orderflow.edge.problem;

import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes a problem document straight to the response, for code that runs outside WebFlux's dispatching
 * and cannot simply fail: Spring Security's entry point and access-denied handler.
 */
@Component
public class ProblemWriter {

    private static final ResolvableType PROBLEM_TYPE = ResolvableType.forClass(ProblemDetail.class);

    private final ServerCodecConfigurer codecs;

    ProblemWriter(ServerCodecConfigurer codecs) {
        this.codecs = codecs;
    }

    /** Answers {@code problem} with the status of its code. */
    public Mono<Void> write(ApiProblem problem, ServerWebExchange exchange) {
        return write(Problems.response(problem, ErrorStatus.of(problem.code()), null, problem, exchange), exchange);
    }

    @SuppressWarnings("unchecked")
    Mono<Void> write(ResponseEntity<Object> answer, ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
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

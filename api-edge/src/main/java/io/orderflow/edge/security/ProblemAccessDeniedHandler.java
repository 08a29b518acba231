package io.orderflow.edge.security;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Answers a caller whose token is valid but whose role does not allow the request: {@code 403 FORBIDDEN}. */
@Component
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemAccessDeniedHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(ApiProblem.of(ErrorCode.FORBIDDEN, "Your account may not do this.")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""), exchange);
    }
}

package io.orderflow.edge.security;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a request without a usable token: {@code 401 UNAUTHORIZED} as a problem document, with the
 * {@code WWW-Authenticate} challenge of RFC 6750. Why a token was refused (expired, forged, wrong issuer)
 * is logged, never told: the detail is the same for all.
 */
@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        log.debug("{} {} unauthenticated: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure.getMessage());
        boolean tokenSent = failure instanceof InvalidBearerTokenException || failure instanceof OAuth2AuthenticationException;
        ApiProblem problem = tokenSent
                ? ApiProblem.of(ErrorCode.UNAUTHORIZED, "The access token is invalid or has expired. Log in again.")
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE,
                                "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or has expired\"")
                : ApiProblem.of(ErrorCode.UNAUTHORIZED, "This resource needs a bearer access token; get one at /api/auth/token.")
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(problem, exchange);
    }
}

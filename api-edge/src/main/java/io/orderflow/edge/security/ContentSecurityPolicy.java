package io.orderflow.edge.security;

import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A content security policy per kind of response: the API answers JSON and never needs to run, frame or
 * load anything, so it gets the strictest policy; Swagger UI needs its own scripts, styles and images.
 */
final class ContentSecurityPolicy implements ServerHttpHeadersWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String SWAGGER_UI = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String policy = path.startsWith("/swagger-ui") || path.startsWith("/webjars/") ? SWAGGER_UI : API;
        // Spring Security calls header writers just before the response is committed
        exchange.getResponse().getHeaders().set(HEADER, policy);
        return Mono.empty();
    }
}

package io.orderflow.edge.security;

import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A content security policy per kind of response: the API answers JSON and never needs to run, frame or
 * load anything, so it gets the strictest policy; Swagger UI needs its own scripts, styles and images.
 * The console runs only its own script files and style sheets (no inline script or style, no eval), calls
 * only this origin, and lets only lit-html's Trusted Types policy turn strings into HTML.
 */
final class ContentSecurityPolicy implements ServerHttpHeadersWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String SWAGGER_UI = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    static final String CONSOLE = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; "
            + "require-trusted-types-for 'script'; trusted-types lit-html";

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String policy = isConsole(path) ? CONSOLE
                : path.startsWith("/swagger-ui") || path.startsWith("/webjars/") ? SWAGGER_UI : API;
        // Spring Security calls header writers just before the response is committed
        exchange.getResponse().getHeaders().set(HEADER, policy);
        return Mono.empty();
    }

    private static boolean isConsole(String path) {
        return path.equals("/") || path.equals("/console") || path.startsWith("/console/");
    }
}

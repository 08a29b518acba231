package io.orderflow.edge.console;

import java.net.URI;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Where the console starts: {@code /} and {@code /console} redirect to {@code /console/}, which is the
 * console's page ({@code static/console/index.html}). Its views are fragments ({@code /console/#/orders}),
 * so no other path needs routing.
 */
@Component
class ConsolePages implements WebFilter {

    static final String HOME = "/console/";
    private static final String PAGE = "/console/index.html";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/") || path.equals("/console")) {
            exchange.getResponse().setStatusCode(HttpStatus.FOUND);
            exchange.getResponse().getHeaders().setLocation(URI.create(HOME));
            return exchange.getResponse().setComplete();
        }
        if (path.equals(HOME)) {
            return chain.filter(exchange.mutate().request(request -> request.path(PAGE)).build());
        }
        return chain.filter(exchange);
    }
}

package io.orderflow.edge.web;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.EdgeProperties;
import io.orderflow.edge.problem.ApiProblem;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body larger than {@code orderflow.edge.max-body-size}: at once when {@code Content-Length} says
 * so (before authentication, so nobody makes the server read it), and in the JSON codecs for a chunked body.
 */
@Component
class BodySizeLimit implements WebFilter, Ordered, CodecCustomizer {

    private final long maxBytes;

    BodySizeLimit(EdgeProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain (-100)
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
            return Mono.error(ApiProblem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.")
                    .with("maxBytes", maxBytes));
        }
        return chain.filter(exchange);
    }

    @Override
    public void customize(CodecConfigurer configurer) {
        configurer.defaultCodecs().maxInMemorySize((int) maxBytes);
    }
}

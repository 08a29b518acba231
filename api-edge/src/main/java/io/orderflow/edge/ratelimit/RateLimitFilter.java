package io.orderflow.edge.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.web.ManagementServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes one token from the caller's bucket per request, after Spring Security has authenticated it (its
 * filter chain runs at order -100), so the bucket is the customer's when a valid token came along. Probes and
 * the management server are not limited.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements WebFilter, Ordered {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedClients())
                .expireAfterAccess(longest(properties.customer().period(), properties.anonymous().period()).multipliedBy(2))
                .build();
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // an orchestrator whose probe answered 429 would take a healthy instance out, or restart it
        if (!properties.enabled() || ManagementServer.handles(exchange) || ManagementServer.isProbe(exchange)) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(authentication -> authentication instanceof JwtAuthenticationToken && authentication.isAuthenticated())
                .map(Authentication::getName)
                .map(customer -> bucket("customer:" + customer, properties.customer()))
                .switchIfEmpty(Mono.fromSupplier(() -> bucket("address:" + addressOf(exchange), properties.anonymous())))
                .flatMap(bucket -> {
                    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        return chain.filter(exchange);
                    }
                    long retryAfterSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                            + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
                    return Mono.error(ApiProblem.of(ErrorCode.RATE_LIMITED,
                                    "Too many requests. Retry after " + retryAfterSeconds + " s.")
                            .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
                });
    }

    private Bucket bucket(String client, RateLimitProperties.Limit limit) {
        return buckets.get(client, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build())
                .build());
    }

    /** The peer address; behind a proxy, set server.forward-headers-strategy so that this is the client's. */
    private static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

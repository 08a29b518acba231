package io.orderflow.edge.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request limits.
 *
 * @param enabled   false switches rate limiting off
 * @param customer  the limit per authenticated customer (default 300 per minute)
 * @param anonymous the limit per client address for requests without a token (default 60 per minute)
 * @param maxTrackedClients how many buckets are kept at most; the least recently used go first
 */
@ConfigurationProperties("orderflow.edge.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        Limit customer,
        Limit anonymous,
        @DefaultValue("100000") int maxTrackedClients) {

    public RateLimitProperties {
        customer = customer != null ? customer : new Limit(300, Duration.ofMinutes(1));
        anonymous = anonymous != null ? anonymous : new Limit(60, Duration.ofMinutes(1));
    }

    /**
     * At most {@code requests} per {@code period}, refilled smoothly; a full bucket allows a burst of {@code requests}.
     */
    public record Limit(int requests, @DefaultValue("PT1M") Duration period) {

        public Limit {
            if (requests < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs at least one request per positive period");
            }
        }
    }
}

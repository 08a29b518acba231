package io.orderflow.edge;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the edge talks to the buses.
 *
 * @param timeout            longest a command or query may take before the client gets {@code 504 TIMEOUT}
 * @param concurrencyRetries how often a command that lost an optimistic-locking race is sent again
 * @param retryBackoff       the first pause before such a retry; it grows exponentially, with jitter
 */
@ConfigurationProperties("orderflow.edge")
public record EdgeProperties(
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("3") int concurrencyRetries,
        @DefaultValue("PT0.02S") Duration retryBackoff) {

    public EdgeProperties {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("orderflow.edge.timeout must be positive");
        }
        if (concurrencyRetries < 0) {
            throw new IllegalArgumentException("orderflow.edge.concurrency-retries must not be negative");
        }
    }
}

package io.orderflow.edge;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the edge talks to the buses, and how much it reads.
 *
 * @param timeout            longest a command or query may take before the client gets {@code 504 TIMEOUT}
 * @param concurrencyRetries how often a command that lost an optimistic-locking race is sent again
 * @param retryBackoff       the first pause before such a retry; it grows exponentially, with jitter
 * @param maxBodySize        the largest request body; a larger one answers {@code 413 PAYLOAD_TOO_LARGE}
 */
@ConfigurationProperties("orderflow.edge")
public record EdgeProperties(
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("3") int concurrencyRetries,
        @DefaultValue("PT0.02S") Duration retryBackoff,
        @DefaultValue("256KB") DataSize maxBodySize) {

    public EdgeProperties {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("orderflow.edge.timeout must be positive");
        }
        if (maxBodySize == null || maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("orderflow.edge.max-body-size must be between 1KB and 2GB");
        }
        if (concurrencyRetries < 0) {
            throw new IllegalArgumentException("orderflow.edge.concurrency-retries must not be negative");
        }
    }
}

package io.orderflow.edge.order;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Following orders live and waiting for a new one.
 *
 * @param heartbeat how often an open event stream sends a comment line, so that proxies keep it open
 * @param maxWait   the longest a client may wait for an order to appear: the upper bound of
 *                  {@code GET /api/orders/{id}?waitMs=}, and how long a stream of an order not yet in the
 *                  read model waits before it answers {@code 404}
 * @param countsInterval how often, at most, the administrators' order stream counts the orders again after
 *                  changes (each count reads every order row once)
 */
@ConfigurationProperties("orderflow.edge.live")
public record LiveOrderProperties(
        @DefaultValue("PT15S") Duration heartbeat,
        @DefaultValue("PT10S") Duration maxWait,
        @DefaultValue("PT1S") Duration countsInterval) {

    public LiveOrderProperties {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(countsInterval, "countsInterval");
        if (heartbeat.isNegative() || heartbeat.isZero() || maxWait.isNegative() || maxWait.isZero()
                || countsInterval.isNegative() || countsInterval.isZero()) {
            throw new IllegalArgumentException("orderflow.edge.live.heartbeat, max-wait and counts-interval must be positive");
        }
    }
}

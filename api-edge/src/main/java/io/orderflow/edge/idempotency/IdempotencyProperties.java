package io.orderflow.edge.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long idempotency keys live.
 *
 * @param retention       how long a completed key answers with its stored response; later it may be used afresh
 * @param inFlightTimeout after this, a key whose request never finished (its instance died) may be claimed again
 * @param purgeInterval   how often expired keys are deleted
 */
@ConfigurationProperties("orderflow.edge.idempotency")
public record IdempotencyProperties(
        @DefaultValue("PT24H") Duration retention,
        @DefaultValue("PT1M") Duration inFlightTimeout,
        @DefaultValue("PT10M") Duration purgeInterval) {

    public IdempotencyProperties {
        if (retention.isNegative() || retention.isZero() || inFlightTimeout.isNegative() || inFlightTimeout.isZero()
                || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("orderflow.edge.idempotency durations must be positive");
        }
    }
}

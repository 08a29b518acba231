package io.orderflow.edge.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the edge refuses new orders.
 *
 * @param enabled        false admits every order, however far behind the order process is
 * @param processor      the processor whose backlog is the signal: the order saga's, which every order passes
 *                       through several times
 * @param maxWait        new orders are refused while the oldest event that processor has not handled is older
 * @param sampleInterval how often the backlog is read
 * @param retryAfter     the {@code Retry-After} of a refusal
 */
@ConfigurationProperties("orderflow.edge.admission")
public record AdmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("order-saga") String processor,
        @DefaultValue("2s") Duration maxWait,
        @DefaultValue("250ms") Duration sampleInterval,
        @DefaultValue("1s") Duration retryAfter) {

    public AdmissionProperties {
        if (sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new IllegalArgumentException("orderflow.edge.admission.sample-interval must be positive");
        }
    }
}

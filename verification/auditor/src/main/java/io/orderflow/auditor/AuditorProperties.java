package io.orderflow.auditor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The auditor's settings.
 *
 * @param grace          how long past its deadline an order may still be moving (a deadline firing, a
 *                       refund on its way) before an unfinished step counts as a violation
 * @param shownPerCheck  how many offending ids the report lists per check
 */
@ConfigurationProperties("orderflow.auditor")
public record AuditorProperties(@DefaultValue("PT1M") Duration grace, @DefaultValue("20") int shownPerCheck) {

    public AuditorProperties {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("orderflow.auditor.grace must not be negative, was " + grace);
        }
    }
}

package io.orderflow.platform.observability;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the event processors: DOWN when one is not running, in error, or stalled (behind the
 * event store's head without progress for {@code orderflow.health.processor-stall-timeout}). A processor
 * paused on purpose (a read model's rebuild) is listed under {@code paused}, not counted as down. Each
 * processor's lag is in the details.
 */
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final ProcessorProgress progress;

    public EventProcessorsHealthIndicator(ProcessorProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        Map<String, String> problems = progress.problems();
        var snapshot = progress.sample();
        Health.Builder health = problems.isEmpty() ? Health.up() : Health.down().withDetail("problems", problems);
        Map<String, String> paused = progress.paused();
        if (!paused.isEmpty()) {
            health.withDetail("paused", paused);
        }
        health.withDetail("head", snapshot.head());
        snapshot.positions().keySet().forEach(name -> health.withDetail("lag." + name, snapshot.lagOf(name)));
        return health.build();
    }
}

package io.orderflow.edge.idempotency.postgres;

import io.orderflow.edge.idempotency.IdempotencyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** Deletes expired idempotency keys every {@code orderflow.edge.idempotency.purge-interval}. */
@Component
class IdempotencyPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final PostgresIdempotencyStore store;
    private final IdempotencyProperties properties;
    private volatile Disposable schedule;

    IdempotencyPurge(PostgresIdempotencyStore store, IdempotencyProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void start() {
        schedule = Flux.interval(properties.purgeInterval())
                .concatMap(tick -> store.purgeExpired()
                        .doOnNext(purged -> log.debug("Purged {} expired idempotency keys", purged))
                        .onErrorResume(failure -> {
                            log.warn("Purging expired idempotency keys failed; trying again later: {}", failure.toString());
                            return reactor.core.publisher.Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}

package io.orderflow.projections.order;

import io.orderflow.platform.db.DatabaseProperties;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Listens on {@code orderflow_order_changed} over a connection of its own (a pooled one would be handed to
 * others), and tells this instance's subscribers of the orders that other instances changed. When the
 * connection is lost it connects again, then catches up: every subscriber is told the current state of
 * what it follows, since notifications sent meanwhile are gone.
 */
@Component
class OrderChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderChangeListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Loads of changed orders running at once; their updates still leave in notification order. */
    private static final int CONCURRENT_LOADS = 8;

    private final ConnectionFactory connections;
    private final OrderUpdates updates;
    private volatile Disposable listening;

    OrderChangeListener(DatabaseProperties database, OrderUpdates updates) {
        this.connections = ConnectionFactories.get(ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, database.username())
                .option(ConnectionFactoryOptions.PASSWORD, database.password())
                .build());
        this.updates = updates;
    }

    @Override
    public void start() {
        listening = Flux.usingWhen(Mono.from(connections.create()).cast(PostgresqlConnection.class),
                        this::listen,
                        connection -> Mono.from(connection.close()))
                .repeatWhen(ended -> ended.delayElements(FIRST_BACKOFF))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF)
                        .doBeforeRetry(failure -> log.warn("Listening for order changes failed; connecting again: {}",
                                failure.failure().toString())))
                .subscribe();
    }

    private Flux<Void> listen(PostgresqlConnection connection) {
        return connection.createStatement("LISTEN " + OrderUpdates.CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then(updates.catchUp())
                .thenMany(connection.getNotifications())
                .flatMapSequential(this::tell, CONCURRENT_LOADS);
    }

    private Mono<Void> tell(Notification notification) {
        String payload = notification.getParameter();
        return payload == null ? Mono.empty() : updates.notified(payload)
                .onErrorResume(failure -> {
                    log.warn("Could not tell subscribers of the change {}: {}", payload, failure.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void stop() {
        Disposable running = listening;
        listening = null;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}

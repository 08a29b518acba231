package io.orderflow.projections.live;

import io.orderflow.platform.db.DatabaseProperties;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Listens on the channel of every {@link ChangeChannel} over a connection of its own (a pooled one would be
 * handed to others), and tells this instance's subscribers of what other instances changed. When the
 * connection is lost it connects again, then catches up: every subscriber is told the current state of
 * what it follows, since notifications sent meanwhile are gone.
 */
@Component
class ChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Loads of changed rows running at once; their updates still leave in notification order. */
    private static final int CONCURRENT_LOADS = 8;

    private final ConnectionFactory connections;
    private final Map<String, ChangeChannel> channels;
    private volatile Disposable listening;

    ChangeListener(DatabaseProperties database, List<ChangeChannel> channels) {
        this.connections = ConnectionFactories.get(ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, database.username())
                .option(ConnectionFactoryOptions.PASSWORD, database.password())
                .build());
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(ChangeChannel::channel, Function.identity()));
    }

    @Override
    public void start() {
        if (channels.isEmpty()) {
            return;
        }
        listening = Flux.usingWhen(Mono.from(connections.create()).cast(PostgresqlConnection.class),
                        this::listen,
                        connection -> Mono.from(connection.close()))
                .repeatWhen(ended -> ended.delayElements(FIRST_BACKOFF))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF)
                        .doBeforeRetry(failure -> log.warn("Listening for read-model changes failed; connecting again: {}",
                                failure.failure().toString())))
                .subscribe();
    }

    private Flux<Void> listen(PostgresqlConnection connection) {
        return Flux.fromIterable(channels.keySet())
                .concatMap(channel -> connection.createStatement("LISTEN " + channel).execute())
                .flatMap(PostgresqlResult::getRowsUpdated)
                .thenMany(Flux.fromIterable(channels.values()))
                .concatMap(ChangeChannel::catchUp)
                .then()
                .thenMany(connection.getNotifications())
                .flatMapSequential(this::tell, CONCURRENT_LOADS);
    }

    private Mono<Void> tell(Notification notification) {
        String payload = notification.getParameter();
        ChangeChannel channel = channels.get(notification.getName());
        return payload == null || channel == null ? Mono.empty() : channel.notified(payload)
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

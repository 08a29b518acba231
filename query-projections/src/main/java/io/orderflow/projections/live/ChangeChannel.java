package io.orderflow.projections.live;

import java.util.UUID;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;

/**
 * One kind of change that subscribers on other instances must hear of, carried by a PostgreSQL
 * notification channel: the payload is the sending instance's id and the id of what changed, so that an
 * instance ignores its own notifications (its subscribers were told directly).
 */
public abstract class ChangeChannel {

    private final String channel;
    private final String instance = UUID.randomUUID().toString();
    /** Where this instance's subscribers are told. */
    protected final QueryUpdateEmitter emitter;
    /** The projection's connection: what it reads and notifies is part of its transaction. */
    protected final JdbcTemplate jdbc;

    protected ChangeChannel(String channel, QueryUpdateEmitter emitter, JdbcTemplate jdbc) {
        this.channel = channel;
        this.emitter = emitter;
        this.jdbc = jdbc;
    }

    String channel() {
        return channel;
    }

    /** Sends the notification in the current transaction; PostgreSQL delivers it once that commits. */
    protected final void notifyOthers(String changedId) {
        jdbc.query("SELECT pg_notify(?, ?)", resultSet -> null, channel, instance + " " + changedId);
    }

    /** A notification heard: tells this instance's subscribers, unless this instance sent it. */
    final Mono<Void> notified(String payload) {
        int separator = payload.indexOf(' ');
        if (separator < 0 || payload.substring(0, separator).equals(instance)) {
            return Mono.empty();
        }
        return changedElsewhere(payload.substring(separator + 1));
    }

    /** What another instance changed: tell the subscribers that follow it here. */
    protected abstract Mono<Void> changedElsewhere(String changedId);

    /**
     * Tells every subscriber the current state of what it follows: notifications sent while this instance
     * was not listening are lost. A subscriber drops what it has seen already.
     */
    protected abstract Mono<Void> catchUp();
}

package io.orderflow.projections.live;

import java.util.Collection;
import java.util.UUID;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One kind of change that subscribers on other instances must hear of, carried by a PostgreSQL
 * notification channel: the payload is the sending instance's id and the ids of what changed (a batch's
 * worth, comma-separated), so that an instance ignores its own notifications (its subscribers were told
 * directly).
 */
public abstract class ChangeChannel {

    /** PostgreSQL refuses payloads of 8000 bytes and more. */
    private static final int MAX_PAYLOAD = 7_900;

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

    /**
     * Sends the notifications of {@code changedIds} in the current transaction, as few as PostgreSQL's payload
     * limit allows; PostgreSQL delivers them once that commits.
     */
    protected final void notifyOthers(Collection<String> changedIds) {
        StringBuilder payload = new StringBuilder(instance).append(' ');
        int empty = payload.length();
        for (String changedId : changedIds) {
            if (payload.length() + changedId.length() + 1 > MAX_PAYLOAD) {
                send(payload);
                payload.setLength(empty);
            }
            payload.append(payload.length() > empty ? "," : "").append(changedId);
        }
        if (payload.length() > empty) {
            send(payload);
        }
    }

    private void send(CharSequence payload) {
        jdbc.query("SELECT pg_notify(?, ?)", resultSet -> null, channel, payload.toString());
    }

    /**
     * Runs {@code tell} once the current transaction has committed, or at once outside a transaction: a
     * subscriber told of a change must find it when it queries. Axon's emitter defers only while a unit of work
     * is still in its started phase, and the projections write their batch later, while it prepares to commit.
     */
    protected static void afterCommit(Runnable tell) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tell.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                tell.run();
            }
        });
    }

    /** A notification heard: tells this instance's subscribers, unless this instance sent it. */
    final Mono<Void> notified(String payload) {
        int separator = payload.indexOf(' ');
        if (separator < 0 || payload.substring(0, separator).equals(instance)) {
            return Mono.empty();
        }
        return Flux.fromArray(payload.substring(separator + 1).split(",")).concatMap(this::changedElsewhere).then();
    }

    /** What another instance changed: tell the subscribers that follow it here. */
    protected abstract Mono<Void> changedElsewhere(String changedId);

    /**
     * Tells every subscriber the current state of what it follows: notifications sent while this instance
     * was not listening are lost. A subscriber drops what it has seen already.
     */
    protected abstract Mono<Void> catchUp();
}

package io.orderflow.edge.idempotency.postgres;

import io.orderflow.edge.idempotency.IdempotencyStore;
import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link IdempotencyStore} over R2DBC. */
@Component
class PostgresIdempotencyStore implements IdempotencyStore {

    /** Claims a free key, or takes over an expired one or one whose request died in flight. */
    private static final String CLAIM = """
            INSERT INTO edge.idempotency_key AS k
                   (customer_id, idempotency_key, claim_id, request_hash, status, created_at, expires_at)
            VALUES (:customer, :key, :claim, :hash, 'IN_FLIGHT', now(), now() + make_interval(secs => :retention))
            ON CONFLICT (customer_id, idempotency_key) DO UPDATE
               SET claim_id = EXCLUDED.claim_id, request_hash = EXCLUDED.request_hash, status = 'IN_FLIGHT',
                   response_status = NULL, response_location = NULL, response_body = NULL,
                   created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
             WHERE k.expires_at < now()
                OR (k.status = 'IN_FLIGHT' AND k.created_at < now() - make_interval(secs => :inFlight))""";

    private final DatabaseClient database;

    PostgresIdempotencyStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Claim> claim(String customerId, String key, String requestHash, Duration retention, Duration inFlightTimeout) {
        UUID claimId = UUID.randomUUID();
        return database.sql(CLAIM)
                .bind("customer", customerId)
                .bind("key", key)
                .bind("claim", claimId)
                .bind("hash", requestHash)
                .bind("retention", seconds(retention))
                .bind("inFlight", seconds(inFlightTimeout))
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1
                        ? Mono.<Claim>just(new Claim.Claimed(customerId, key, claimId.toString()))
                        : current(customerId, key))
                // the holder released the key between our insert and our read: it is free, claim it again
                .switchIfEmpty(Mono.defer(() -> claim(customerId, key, requestHash, retention, inFlightTimeout)));
    }

    @Override
    public Mono<Void> complete(Claim.Claimed claim, StoredResponse response) {
        var statement = database.sql("""
                        UPDATE edge.idempotency_key
                           SET status = 'COMPLETED', response_status = :status, response_location = :location,
                               response_body = :body
                         WHERE customer_id = :customer AND idempotency_key = :key AND claim_id = :claim""")
                .bind("status", response.status())
                .bind("body", response.body())
                .bind("customer", claim.customerId())
                .bind("key", claim.key())
                .bind("claim", UUID.fromString(claim.claimId()));
        statement = response.location() == null ? statement.bindNull("location", String.class)
                : statement.bind("location", response.location());
        return statement.then();
    }

    @Override
    public Mono<Void> release(Claim.Claimed claim) {
        return database.sql("""
                        DELETE FROM edge.idempotency_key
                         WHERE customer_id = :customer AND idempotency_key = :key AND claim_id = :claim
                           AND status = 'IN_FLIGHT'""")
                .bind("customer", claim.customerId())
                .bind("key", claim.key())
                .bind("claim", UUID.fromString(claim.claimId()))
                .then();
    }

    /** Deletes expired records; answers how many. */
    Mono<Long> purgeExpired() {
        return database.sql("DELETE FROM edge.idempotency_key WHERE expires_at < now()").fetch().rowsUpdated();
    }

    private Mono<Claim> current(String customerId, String key) {
        return database.sql("""
                        SELECT request_hash, status, response_status, response_location, response_body
                          FROM edge.idempotency_key WHERE customer_id = :customer AND idempotency_key = :key""")
                .bind("customer", customerId)
                .bind("key", key)
                .map(row -> (Claim) new Claim.Taken(row.get("request_hash", String.class),
                        "COMPLETED".equals(row.get("status", String.class))
                                ? new StoredResponse(row.get("response_status", Integer.class),
                                        row.get("response_location", String.class), row.get("response_body", String.class))
                                : null))
                .one();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}

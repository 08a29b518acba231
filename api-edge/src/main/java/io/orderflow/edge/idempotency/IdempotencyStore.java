package io.orderflow.edge.idempotency;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Where the edge keeps idempotency records, shared by every instance. Implemented over PostgreSQL in
 * {@code io.orderflow.edge.idempotency.postgres} (the edge's schema, {@code edge}); claiming must be atomic
 * across instances.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for {@code customerId}, unless a live record holds it already. A record past its
     * retention, or one left in flight longer than {@code inFlightTimeout} (its instance died), is taken over.
     */
    Mono<Claim> claim(String customerId, String key, String requestHash, Duration retention, Duration inFlightTimeout);

    /** Stores the response of a claimed key; does nothing when the claim was taken over meanwhile. */
    Mono<Void> complete(Claim.Claimed claim, StoredResponse response);

    /** Gives a claimed key up (its request failed), so that a retry with the same key runs again. */
    Mono<Void> release(Claim.Claimed claim);

    /** The outcome of {@link #claim}. */
    sealed interface Claim {

        /** The key is this request's now; {@code claimId} identifies this claim for complete and release. */
        record Claimed(String customerId, String key, String claimId) implements Claim {
        }

        /** Another request holds the key: still in flight ({@code response} null), or completed. */
        record Taken(String requestHash, StoredResponse response) implements Claim {

            boolean inFlight() {
                return response == null;
            }
        }
    }

    /** A response to answer again: its status, its {@code Location} (may be null) and its JSON body. */
    record StoredResponse(int status, String location, String body) {
    }
}

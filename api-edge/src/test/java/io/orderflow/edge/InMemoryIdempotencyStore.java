package io.orderflow.edge;

import io.orderflow.edge.idempotency.IdempotencyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The idempotency store of the edge's own tests, in memory with the same atomic claim as the PostgreSQL
 * one, which these tests leave out ({@link EdgeTestApplication}) and the end-to-end tests use against a real
 * database. Expiry is not modelled.
 */
public class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(String claimId, String requestHash, StoredResponse response) {
    }

    private final Map<List<String>, Entry> entries = new ConcurrentHashMap<>();

    public void reset() {
        entries.clear();
    }

    @Override
    public Mono<Claim> claim(String customerId, String key, String requestHash, Duration retention, Duration inFlightTimeout) {
        return Mono.fromSupplier(() -> {
            String claimId = UUID.randomUUID().toString();
            Entry existing = entries.putIfAbsent(List.of(customerId, key), new Entry(claimId, requestHash, null));
            return existing == null ? new Claim.Claimed(customerId, key, claimId)
                    : new Claim.Taken(existing.requestHash(), existing.response());
        });
    }

    @Override
    public Mono<Void> complete(Claim.Claimed claim, StoredResponse response) {
        return Mono.fromRunnable(() -> entries.computeIfPresent(List.of(claim.customerId(), claim.key()),
                (id, entry) -> entry.claimId().equals(claim.claimId()) ? new Entry(entry.claimId(), entry.requestHash(), response) : entry));
    }

    @Override
    public Mono<Void> release(Claim.Claimed claim) {
        return Mono.fromRunnable(() -> entries.computeIfPresent(List.of(claim.customerId(), claim.key()),
                (id, entry) -> entry.claimId().equals(claim.claimId()) && entry.response() == null ? null : entry));
    }
}

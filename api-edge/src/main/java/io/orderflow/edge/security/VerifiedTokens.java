package io.orderflow.edge.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A decoder that remembers the tokens it has verified, so that a client's next requests with the same token
 * skip the RS256 signature check. A remembered token is handed out only while it has not expired (with the
 * clock skew), and for at most {@code maxAge}: a key taken out of the key set stops being accepted within that
 * time. Tokens that failed are not remembered.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Cache<String, Jwt> verified;
    private final Clock clock;
    private final Duration clockSkew;

    VerifiedTokens(ReactiveJwtDecoder delegate, Clock clock, Ticker ticker, Duration clockSkew, Duration maxAge, long maximumSize) {
        this.delegate = delegate;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.verified = Caffeine.newBuilder().ticker(ticker).maximumSize(maximumSize).expireAfterWrite(maxAge).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && isUnexpired(known)) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private boolean isUnexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt.plus(clockSkew));
    }
}

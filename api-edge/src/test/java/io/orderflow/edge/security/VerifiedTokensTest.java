package io.orderflow.edge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private Instant expiresAt = NOW.plus(Duration.ofMinutes(15));
    private boolean signatureValid = true;

    private final VerifiedTokens tokens = new VerifiedTokens(token -> Mono.defer(() -> {
        verifications.incrementAndGet();
        return signatureValid ? Mono.just(jwt(token)) : Mono.error(new BadJwtException("bad signature"));
    }), Clock.fixed(NOW, ZoneOffset.UTC), nanos::get, SKEW, MAX_AGE, 100);

    @Test
    void verifiesATokenOnceWhileItIsUsedAgain() {
        assertThat(tokens.decode("token-1").block()).isNotNull();
        assertThat(tokens.decode("token-1").block()).isNotNull();

        assertThat(verifications).hasValue(1);
    }

    @Test
    void verifiesEachTokenOfItsOwn() {
        tokens.decode("token-1").block();
        tokens.decode("token-2").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void remembersNoTokenThatFailed() {
        signatureValid = false;
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void verifiesARememberedTokenAgainOnceItHasExpired() {
        expiresAt = NOW.minus(SKEW).minusSeconds(1);
        tokens.decode("token-1").block();
        signatureValid = false; // the decoder it delegates to refuses expired tokens

        assertThatThrownBy(() -> tokens.decode("token-1").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void verifiesATokenAgainAfterTheMaximumAgeSoThatARemovedKeyStopsBeingAccepted() {
        tokens.decode("token-1").block();
        nanos.addAndGet(MAX_AGE.plusSeconds(1).toNanos());

        tokens.decode("token-1").block();

        assertThat(verifications).hasValue(2);
    }

    private Jwt jwt(String token) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("customer-1")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(expiresAt).build();
    }
}

package io.orderflow.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The auth component's settings. The issuer and audience of its tokens are the edge's
 * ({@code orderflow.edge.security.issuer} and {@code audience}, bound by {@link io.orderflow.platform.security.TokenClaims}),
 * so that both always agree.
 *
 * @param enabled       false removes registration, login and the key set (an external identity provider is used)
 * @param tokenLifetime how long an access token is valid
 * @param signingKeyId  the id ({@code kid}) of the key that signs new tokens; empty: the first key with a private key
 * @param keys          RSA keys as PEM; all are published, so tokens signed by a retired key stay valid until they
 *                      expire. Empty: one key is generated at start-up (development only: tokens die with the process)
 * @param admin         the administrator account created at start-up if it does not exist
 * @param bcryptStrength the bcrypt cost of new password hashes (log2 rounds, 4..31); each step doubles the time
 */
@ConfigurationProperties("orderflow.auth")
public record AuthProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT15M") Duration tokenLifetime,
        String signingKeyId,
        @DefaultValue List<Key> keys,
        Admin admin,
        @DefaultValue("10") int bcryptStrength) {

    public AuthProperties {
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("orderflow.auth.token-lifetime must be positive and at most a day");
        }
        keys = List.copyOf(keys);
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalArgumentException("orderflow.auth.bcrypt-strength must be between 4 and 31");
        }
    }

    /**
     * One RSA key.
     *
     * @param id         its {@code kid}
     * @param privateKey PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); empty for a retired key that only verifies
     * @param publicKey  X.509 PEM ({@code -----BEGIN PUBLIC KEY-----}); derived from the private key when empty
     */
    public record Key(String id, String privateKey, String publicKey) {
    }

    /** The bootstrap administrator; nothing is created while email or password is empty. */
    public record Admin(String email, String password, @DefaultValue("Administrator") String name) {

        public boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }
}

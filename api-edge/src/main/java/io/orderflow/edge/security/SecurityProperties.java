package io.orderflow.edge.security;

import io.orderflow.platform.security.TokenClaims;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the edge checks access tokens, and which browsers may call it.
 *
 * <p>The claims every token carries (issuer, audience, roles claim) are bound once, by
 * {@link io.orderflow.platform.security.TokenClaims}, which the auth component issues with.
 *
 * @param clockSkew      tolerance on {@code exp} and {@code nbf} between the issuer's clock and ours
 * @param issuerUri      an external identity provider (OpenID discovery); when set, its keys and issuer are used
 * @param jwkSetUri      an external key set; when set, tokens are checked against it instead of the local keys
 * @param allowedOrigins browser origins allowed by CORS, e.g. {@code https://shop.example.com}; empty allows none
 */
@ConfigurationProperties("orderflow.edge.security")
public record SecurityProperties(
        @DefaultValue("PT30S") Duration clockSkew,
        String issuerUri,
        String jwkSetUri,
        @DefaultValue List<String> allowedOrigins) {

    public SecurityProperties {
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("orderflow.edge.security.clock-skew must be between 0 and 5 minutes");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    boolean usesExternalIdentityProvider() {
        return hasText(issuerUri) || hasText(jwkSetUri);
    }

    /** The issuer to insist on: the external provider's when one is configured, ours otherwise. */
    String expectedIssuer(TokenClaims claims) {
        return hasText(issuerUri) ? issuerUri : claims.issuer();
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

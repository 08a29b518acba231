package io.orderflow.edge.security;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the edge checks access tokens, and which browsers may call it.
 *
 * @param issuer         the {@code iss} every accepted token must carry; the local auth component issues with it too
 * @param audience       the {@code aud} every accepted token must contain; empty checks none
 * @param clockSkew      tolerance on {@code exp} and {@code nbf} between the issuer's clock and ours
 * @param issuerUri      an external identity provider (OpenID discovery); when set, its keys and issuer are used
 * @param jwkSetUri      an external key set; when set, tokens are checked against it instead of the local keys
 * @param rolesClaim     the claim that lists the caller's roles ({@code CUSTOMER}, {@code ADMIN})
 * @param allowedOrigins browser origins allowed by CORS, e.g. {@code https://shop.example.com}; empty allows none
 */
@ConfigurationProperties("orderflow.edge.security")
public record SecurityProperties(
        @DefaultValue("orderflow") String issuer,
        @DefaultValue("orderflow-api") String audience,
        @DefaultValue("PT30S") Duration clockSkew,
        String issuerUri,
        String jwkSetUri,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue List<String> allowedOrigins) {

    public SecurityProperties {
        Objects.requireNonNull(issuer, "issuer");
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
    String expectedIssuer() {
        return hasText(issuerUri) ? issuerUri : issuer;
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

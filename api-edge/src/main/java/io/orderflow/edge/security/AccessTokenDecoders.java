package io.orderflow.edge.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.orderflow.platform.security.TokenClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * How the edge decodes access tokens, without calling anyone per request: against the local auth
 * component's keys (a {@link JWKSource} in this application), or an external provider's key set, fetched
 * once and cached by Nimbus. RS256 only, so {@code alg: none} and an HMAC signed with the public key are
 * refused; then issuer, audience, expiry and not-before (with the clock skew), and a subject.
 */
public final class AccessTokenDecoders {

    private AccessTokenDecoders() {
    }

    /** The decoder the configuration asks for: external key set, external issuer, or the local keys. */
    public static ReactiveJwtDecoder forEdge(SecurityProperties properties, TokenClaims claims,
                                           Supplier<JWKSource<SecurityContext>> localKeys) {
        NimbusReactiveJwtDecoder decoder;
        if (SecurityProperties.hasText(properties.jwkSetUri())) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else if (SecurityProperties.hasText(properties.issuerUri())) {
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            JWKSource<SecurityContext> keys = localKeys.get();
            if (keys == null) {
                throw new IllegalStateException("No keys to check access tokens with: add the auth component, "
                        + "or set orderflow.edge.security.issuer-uri or jwk-set-uri");
            }
            return local(keys, properties, claims);
        }
        decoder.setJwtValidator(validator(properties, claims));
        return decoder;
    }

    /** A decoder over keys in this process. */
    public static ReactiveJwtDecoder local(JWKSource<SecurityContext> keys, SecurityProperties properties, TokenClaims claims) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.defer(() -> {
                    try {
                        return Flux.fromIterable(keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null));
                    } catch (KeySourceException unavailable) {
                        return Flux.error(unavailable);
                    }
                }))
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator(properties, claims));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, TokenClaims claims) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        validators.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()));
        validators.add(new JwtIssuerValidator(properties.expectedIssuer(claims)));
        if (SecurityProperties.hasText(claims.audience())) {
            validators.add(new JwtAudienceValidator(claims.audience()));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}

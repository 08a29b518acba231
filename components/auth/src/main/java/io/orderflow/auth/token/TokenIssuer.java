package io.orderflow.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.orderflow.auth.AuthProperties;
import io.orderflow.platform.security.TokenClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Signs access tokens with the current signing key. */
@Component
public class TokenIssuer {

    private final SigningKeys keys;
    private final RSASSASigner signer;
    private final Duration lifetime;
    private final String issuer;
    private final String audience;
    private final String rolesClaim;
    private final Clock clock;

    TokenIssuer(SigningKeys keys, AuthProperties properties, TokenClaims claims, ObjectProvider<Clock> clock) {
        this.keys = keys;
        try {
            this.signer = new RSASSASigner(keys.signingKey());
        } catch (JOSEException invalid) {
            throw new IllegalStateException("the signing key cannot sign", invalid);
        }
        this.lifetime = properties.tokenLifetime();
        this.issuer = claims.issuer();
        this.audience = claims.audience();
        this.rolesClaim = claims.rolesClaim();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A token for {@code subject} with these roles, valid from now for the configured lifetime. */
    public AccessToken issue(String subject, String email, Collection<String> roles) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("email", email)
                .claim(rolesClaim, List.copyOf(roles));
        if (audience != null && !audience.isBlank()) {
            claims.audience(audience);
        }
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.signingKey().getKeyID())
                .type(JOSEObjectType.JWT)
                .build(), claims.build());
        try {
            token.sign(signer);
        } catch (JOSEException failure) {
            throw new IllegalStateException("signing an access token failed", failure);
        }
        return new AccessToken(token.serialize(), "Bearer", lifetime.toSeconds());
    }
}

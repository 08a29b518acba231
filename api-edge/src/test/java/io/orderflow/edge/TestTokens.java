package io.orderflow.edge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens for the edge's tests, signed like the auth component signs them (RS256, kid, the edge's
 * default issuer and audience), plus a second key the edge does not know, for forged tokens.
 */
public final class TestTokens {

    public static final String ISSUER = "orderflow";
    public static final String AUDIENCE = "orderflow-api";
    public static final String CUSTOMER = "customer-42";

    private static final RSAKey KEY = generate("test-key");
    private static final RSAKey UNKNOWN_KEY = generate("test-key");

    private TestTokens() {
    }

    /** The public key the edge checks tokens with, as the auth component would provide it. */
    public static JWKSource<SecurityContext> keySource() {
        return new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK()));
    }

    public static String customer(String customerId) {
        return token(claims -> claims.subject(customerId).claim("roles", List.of("CUSTOMER")));
    }

    public static String admin() {
        return token(claims -> claims.subject("admin-1").claim("roles", List.of("ADMIN")));
    }

    /** A valid customer token, with whatever the test changes in its claims. */
    public static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(KEY, change.apply(validClaims()).build());
    }

    /** A token signed by a key the edge has never seen, under the kid of the real one. */
    public static String forged(String customerId) {
        return sign(UNKNOWN_KEY, validClaims().subject(customerId).build());
    }

    public static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(CUSTOMER)
                .claim("roles", List.of("CUSTOMER"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.orderflow.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import io.orderflow.auth.AuthProperties;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Rotating keys: a new key signs, the old one stays published, and tokens it signed stay valid until they
 * expire; once it is removed they are refused. Checked as a resource server such as the edge checks them.
 */
class KeyRotationTest {

    private final KeyPair old = generate();
    private final KeyPair fresh = generate();

    @Test
    void tokensOfTheRetiredKeyStayValidWhileItIsPublished() throws Exception {
        SigningKeys before = keys("2026-01", new AuthProperties.Key("2026-01", privatePem(old), null));
        String oldToken = issuer(before).issue("customer-1", "ada@example.com", List.of("CUSTOMER")).accessToken();

        SigningKeys after = keys("2026-02", new AuthProperties.Key("2026-01", null, publicPem(old)),
                new AuthProperties.Key("2026-02", privatePem(fresh), null));
        String newToken = issuer(after).issue("customer-2", "grace@example.com", List.of("CUSTOMER")).accessToken();
        ReactiveJwtDecoder resourceServer = ResourceServer.trusting(after.publicKeys());

        assertThat(resourceServer.decode(oldToken).block().getSubject()).isEqualTo("customer-1");
        assertThat(resourceServer.decode(newToken).block().getSubject()).isEqualTo("customer-2");
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo("2026-02");
        assertThat(after.publicKeys().getKeys()).extracting(key -> key.getKeyID()).containsExactly("2026-01", "2026-02");
    }

    @Test
    void tokensOfARemovedKeyAreRefused() {
        String oldToken = issuer(keys("2026-01", new AuthProperties.Key("2026-01", privatePem(old), null)))
                .issue("customer-1", "ada@example.com", List.of("CUSTOMER")).accessToken();
        SigningKeys rotated = keys("2026-02", new AuthProperties.Key("2026-02", privatePem(fresh), null));
        ReactiveJwtDecoder resourceServer = ResourceServer.trusting(rotated.publicKeys());

        assertThatThrownBy(() -> resourceServer.decode(oldToken).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void publishesNoPrivatePart() {
        SigningKeys keys = keys(null, new AuthProperties.Key("2026-01", privatePem(old), null));

        assertThat(keys.publicKeys().toJSONObject(true).toString()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(keys.publicKeys().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void refusesASigningKeyThatHasNoPrivateKey() {
        assertThatThrownBy(() -> keys("2026-01", new AuthProperties.Key("2026-01", null, publicPem(old))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signing-key-id");
    }

    @Test
    void generatesAKeyWhenNoneIsConfigured() {
        SigningKeys generated = keys(null);
        String token = issuer(generated).issue("customer-1", "ada@example.com", List.of("CUSTOMER")).accessToken();

        ReactiveJwtDecoder resourceServer = ResourceServer.trusting(generated.publicKeys());
        assertThat(resourceServer.decode(token).block().getClaimAsStringList("roles")).containsExactly("CUSTOMER");
    }

    private static SigningKeys keys(String signingKeyId, AuthProperties.Key... keys) {
        return new SigningKeys(properties(signingKeyId, keys), Optional.empty());
    }

    private static AuthProperties properties(String signingKeyId, AuthProperties.Key... keys) {
        return new AuthProperties(true, Duration.ofMinutes(15), signingKeyId, List.of(keys), null, 4);
    }

    private static TokenIssuer issuer(SigningKeys keys) {
        return new TokenIssuer(keys, properties(null), ResourceServer.CLAIMS, new StaticListableBeanFactory().getBeanProvider(Clock.class));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String privatePem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    /** On one line, as it would come from an environment variable. */
    private static String publicPem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
                + "-----END PUBLIC KEY-----";
    }
}

package io.orderflow.edge.security;

import static io.orderflow.edge.EdgeFixtures.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.edge.EdgeHttpTest;
import io.orderflow.edge.TestTokens;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Which tokens the edge accepts: only unexpired RS256 tokens of our issuer and audience, signed by a published key. */
class AccessTokenTest extends EdgeHttpTest {

    static Stream<Arguments> refusedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("expired", TestTokens.token(claims -> claims
                        .issueTime(Date.from(now.minusSeconds(3600))).notBeforeTime(Date.from(now.minusSeconds(3600)))
                        .expirationTime(Date.from(now.minusSeconds(120))))),
                Arguments.of("not yet valid", TestTokens.token(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(600))))),
                Arguments.of("forged signature", TestTokens.forged(TestTokens.CUSTOMER)),
                Arguments.of("alg none", new PlainJWT(TestTokens.validClaims().build()).serialize()),
                Arguments.of("alg none with a signature part", unsecured()),
                Arguments.of("HS256 signed with the public key", hmacWithThePublicKey()),
                Arguments.of("wrong issuer", TestTokens.token(claims -> claims.issuer("https://evil.example.com"))),
                Arguments.of("wrong audience", TestTokens.token(claims -> claims.audience("another-api"))),
                Arguments.of("no expiry", TestTokens.token(claims -> claims.expirationTime(null))),
                Arguments.of("no subject", TestTokens.token(claims -> claims.subject(null))),
                Arguments.of("payload changed after signing", tampered()),
                Arguments.of("not a JWT", "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesTheTokenWith401AndAChallenge(String what, String token) {
        OrderView order = anOrder(OrderStatus.CONFIRMED);
        backend.has(order);

        expectProblem(as(token).get().uri("/api/orders/{id}", order.orderId()).exchange(),
                HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED)
                .jsonPath("$.detail").isEqualTo("The access token is invalid or has expired. Log in again.");
        as(token).get().uri("/api/orders/{id}", order.orderId()).exchange()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).contains("invalid_token"));
    }

    @Test
    void acceptsATokenWithinTheClockSkew() {
        Instant now = Instant.now();
        String token = TestTokens.token(claims -> claims.issueTime(Date.from(now.minusSeconds(900)))
                .notBeforeTime(Date.from(now.minusSeconds(900))).expirationTime(Date.from(now.minusSeconds(5))));
        OrderView order = anOrder(OrderStatus.CONFIRMED);
        backend.has(order);

        as(token).get().uri("/api/orders/{id}", order.orderId()).exchange().expectStatus().isOk();
    }

    @Test
    void asksForATokenWhenThereIsNone() {
        expectProblem(anonymous.get().uri("/api/orders/{id}", "o-1").exchange(), HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED)
                .jsonPath("$.instance").isEqualTo("/api/orders/o-1");
        anonymous.post().uri("/api/orders").bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        assertThat(backend.commands()).isEmpty();
    }

    @Test
    void refusesACustomerOnAnAdministratorsEndpoint() {
        OrderView order = anOrder(OrderStatus.CONFIRMED);
        backend.has(order);

        expectProblem(http.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange(),
                HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN);
        expectProblem(http.post().uri("/api/admin/products").bodyValue("{}").exchange(), HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN);
        assertThat(backend.commands()).isEmpty();
    }

    @Test
    void refusesATokenWithoutARoleOnOrders() {
        String noRoles = TestTokens.token(claims -> claims.claim("roles", List.of()));

        expectProblem(as(noRoles).get().uri("/api/orders/{id}", "o-1").exchange(), HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN);
    }

    @Test
    void answersNotFoundForAnotherCustomersOrder() {
        OrderView order = anOrder(OrderStatus.CONFIRMED);
        backend.has(order);
        var stranger = as(TestTokens.customer("customer-7"));

        expectProblem(stranger.get().uri("/api/orders/{id}", order.orderId()).exchange(), HttpStatus.NOT_FOUND,
                ErrorCode.ORDER_NOT_FOUND);
        expectProblem(stranger.post().uri("/api/orders/{id}/cancel", order.orderId()).exchange(), HttpStatus.NOT_FOUND,
                ErrorCode.ORDER_NOT_FOUND);
        assertThat(backend.commands()).isEmpty();
    }

    @Test
    void letsTheOwnerAndAnAdministratorReadAnOrder() {
        OrderView order = anOrder(OrderStatus.CONFIRMED);
        backend.has(order);

        http.get().uri("/api/orders/{id}", order.orderId()).exchange().expectStatus().isOk();
        admin.get().uri("/api/orders/{id}", order.orderId()).exchange().expectStatus().isOk();
    }

    @Test
    void letsAnyoneReadTheCatalogue() {
        anonymous.get().uri("/api/products").exchange().expectStatus().isOk();
    }

    private static String unsecured() {
        String[] parts = TestTokens.customer(TestTokens.CUSTOMER).split("\\.");
        return Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];
    }

    private static String tampered() {
        String[] valid = TestTokens.customer("customer-1").split("\\.");
        String[] other = TestTokens.customer("customer-2").split("\\.");
        return valid[0] + "." + other[1] + "." + valid[2];
    }

    /** The classic confusion: the public key's bytes used as an HMAC secret. */
    private static String hmacWithThePublicKey() {
        try {
            RSAKey publicKey = (RSAKey) new JWKSet(TestTokens.keySource()
                    .get(new JWKSelector(new JWKMatcher.Builder().build()), null)).getKeys().get(0);
            byte[] secret = publicKey.toPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
                    TestTokens.validClaims().build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Registering, logging in, and the published keys, over HTTP on the running application. */
@OrderflowTest
class AuthFlowTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static String anEmail() {
        return "someone-" + UUID.randomUUID() + "@orderflow.test";
    }

    @Test
    void registersACustomerWhoseTokenNamesThemAsSubject() throws Exception {
        String email = anEmail();
        JsonNode account = api.register(email, "correct horse battery", "Grace Hopper");

        assertThat(account.get("roles").get(0).asString()).isEqualTo("CUSTOMER");
        assertThat(account.has("password")).isFalse();
        String token = api.token(email.toUpperCase(), "correct horse battery");
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(TestSigningKey.ID);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(account.get("accountId").asString());
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("orderflow");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("orderflow-api");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime())
                .as("15 minutes by default").isEqualTo(15 * 60 * 1000L);
    }

    @Test
    void storesOnlyAHashOfThePassword() {
        String email = anEmail();
        api.register(email, "correct horse battery", "Grace Hopper");

        String hash = jdbc.queryForObject("SELECT password_hash FROM auth.account WHERE email = ?", String.class, email);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("correct horse battery");
    }

    @Test
    void refusesASecondAccountForTheSameAddressInAnyCase() {
        String email = anEmail();
        api.register(email, "correct horse battery", "Grace Hopper");

        api.anonymous.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email.toUpperCase(), "password", "another password", "name", "Mallory"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("EMAIL_ALREADY_REGISTERED");
    }

    @Test
    void refusesAPasswordLongerThanBcryptReadsOnceTheRestIsValid() {
        String tooLong = "ü".repeat(37); // 37 characters, 74 bytes in UTF-8

        api.anonymous.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", anEmail(), "password", tooLong, "name", "Grace Hopper"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.detail").isEqualTo("The request has invalid fields.")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").isEqualTo("must be at most 72 bytes in UTF-8");
        api.anonymous.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not an address", "password", tooLong, "name", "Grace Hopper"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void answersTheSame401ForAWrongPasswordAndAnUnknownAddress() {
        String email = anEmail();
        api.register(email, "correct horse battery", "Grace Hopper");

        byte[] wrongPassword = login(email, "wrong password").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CREDENTIALS").returnResult().getResponseBodyContent();
        byte[] unknownAddress = login(anEmail(), "correct horse battery").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CREDENTIALS").returnResult().getResponseBodyContent();

        assertThat(new String(wrongPassword)).isEqualTo(new String(unknownAddress));
    }

    @Test
    void answersTokensThatNoCacheKeeps() {
        String email = anEmail();
        api.register(email, "correct horse battery", "Grace Hopper");

        login(email, "correct horse battery").expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody().jsonPath("$.tokenType").isEqualTo("Bearer").jsonPath("$.expiresIn").isEqualTo(900);
    }

    @Test
    void publishesThePublicKeysOnly() {
        JsonNode jwks = api.anonymous.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kid").asString()).isEqualTo(TestSigningKey.ID);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).as("no private exponent").isFalse();
        assertThat(List.of("n", "e")).allSatisfy(part -> assertThat(key.has(part)).isTrue());
    }

    @Test
    void registersEveryoneAsACustomerWhateverTheyAskFor() {
        String email = anEmail();
        api.anonymous.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "correct horse battery", "name", "Mallory",
                        "roles", List.of("ADMIN")))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.roles[0]").isEqualTo("CUSTOMER").jsonPath("$.roles.length()").isEqualTo(1);

        api.withToken(api.token(email, "correct horse battery")).get().uri("/api/admin/products").exchange()
                .expectStatus().isForbidden();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String email, String password) {
        return api.anonymous.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }
}

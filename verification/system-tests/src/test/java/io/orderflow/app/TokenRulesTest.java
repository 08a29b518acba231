package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may do what, with real tokens on the running application: bad tokens answer 401, a customer sees
 * only their own orders (404 for another's), administrators' endpoints answer 403 (the actuator: ManagementPortTest).
 */
@OrderflowTest
class TokenRulesTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;
    String customer;
    String orderId;

    @BeforeEach
    void anOrderOfACustomer() {
        api = new Api(port);
        customer = api.aCustomer();
        String product = api.addProduct("Token test beans", "9.00", 10);
        orderId = api.placeOrder(customer, Map.of(product, 1));
        api.awaitOrder(orderId, order -> true);
    }

    private void expectUnauthorized(String token) {
        api.withToken(token).get().uri("/api/orders/{id}", orderId).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).contains("invalid_token"))
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
    }

    private String customersToken(UnaryOperator<JWTClaimsSet.Builder> change) {
        return TestSigningKey.sign(customer, List.of("CUSTOMER"), change);
    }

    @Test
    void acceptsTheOwnersToken() {
        api.withToken(customersToken(claims -> claims)).get().uri("/api/orders/{id}", orderId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.customerId").isEqualTo(customer);
    }

    @Test
    void refusesAnExpiredToken() {
        Instant past = Instant.now().minusSeconds(3600);
        expectUnauthorized(customersToken(claims -> claims.issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(900)))));
    }

    @Test
    void refusesATokenThatIsNotValidYet() {
        expectUnauthorized(customersToken(claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
    }

    @Test
    void refusesAForgedSignature() {
        String valid = customersToken(claims -> claims);
        String[] parts = valid.split("\\.");
        String otherSignature = TestSigningKey.sign("someone-else", List.of("CUSTOMER"), claims -> claims).split("\\.")[2];
        expectUnauthorized(parts[0] + "." + parts[1] + "." + otherSignature);
    }

    @Test
    void refusesAnUnsignedTokenWithAlgNone() {
        expectUnauthorized(new PlainJWT(new JWTClaimsSet.Builder().issuer("orderflow").audience("orderflow-api")
                .subject(customer).claim("roles", List.of("ADMIN"))
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build()).serialize());
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        expectUnauthorized(customersToken(claims -> claims.issuer("https://issuer.example.com")));
    }

    @Test
    void answersNotFoundForAnotherCustomersOrder() {
        String strangerId = api.aCustomer();
        WebTestClient stranger = api.as(strangerId);

        stranger.get().uri("/api/orders/{id}", orderId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ORDER_NOT_FOUND");
        stranger.post().uri("/api/orders/{id}/cancel", orderId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ORDER_NOT_FOUND");
        assertThat(new EventStore(jdbc).countCausedBy(strangerId)).as("no event caused by the stranger").isZero();
    }

    @Test
    void placesTheOrderForTheTokensCustomerAndRefusesAnotherCustomerIdInTheBody() {
        String product = api.addProduct("Mismatch beans", "9.00", 10);
        api.as(customer).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.anOrder(api.aCustomer(), Map.of(product, 1)))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("CUSTOMER_MISMATCH");
    }

    @Test
    void refusesACustomerOnAnAdministratorsEndpoint() {
        api.as(customer).post().uri("/api/admin/orders/{id}/ship", orderId).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        api.withToken(customersToken(claims -> claims)).post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "price", 1, "initialStock", 1)).exchange()
                .expectStatus().isForbidden();
    }
}

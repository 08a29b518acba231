package io.orderflow.edge;

import io.orderflow.contracts.common.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the HTTP tests: the edge on a random port, in front of {@link InMemoryBackend}, called with
 * {@link TestTokens} as a customer ({@code http}), an administrator ({@code admin}) or nobody. The timeout
 * and the wait for a new order are short so that a hanging handler is noticed quickly, the heartbeat of
 * live streams is short so that tests see it, and the default currency is not the built-in one so that
 * its binding is tested.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orderflow.edge.timeout=PT1S",
                "orderflow.edge.retry-backoff=PT0.005S",
                "orderflow.catalogue.default-currency=CHF",
                "orderflow.edge.rate-limit.customer.requests=100000",
                "orderflow.edge.rate-limit.anonymous.requests=100000",
                "orderflow.edge.security.allowed-origins=https://shop.example.com",
                "orderflow.edge.live.max-wait=PT1S",
                "orderflow.edge.live.heartbeat=PT0.2S"
        })
public abstract class EdgeHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    protected InMemoryBackend backend;

    @Autowired
    protected InMemoryIdempotencyStore idempotencyKeys;

    /** As customer {@value TestTokens#CUSTOMER}. */
    protected WebTestClient http;
    /** As an administrator. */
    protected WebTestClient admin;
    /** Without a token. */
    protected WebTestClient anonymous;

    @BeforeEach
    void connect() {
        backend.reset();
        idempotencyKeys.reset();
        anonymous = WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.newConnection()))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
        http = as(TestTokens.customer(TestTokens.CUSTOMER));
        admin = as(TestTokens.admin());
    }

    protected WebTestClient as(String token) {
        return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    @AfterEach
    void releaseHangingHandlers() {
        backend.reset();
    }

    protected static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response,
            HttpStatus status, ErrorCode code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.code").isEqualTo(code.name())
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
    }

    protected static WebTestClient.BodyContentSpec expectInvalid(WebTestClient.ResponseSpec response, String field) {
        return expectProblem(response, HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED)
                .jsonPath("$.errors[?(@.field == '" + field + "')].message").isNotEmpty();
    }

    /** Runs {@code changes} once a client had time to subscribe to a live stream. */
    protected static void later(Runnable changes) {
        java.util.concurrent.CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS).execute(changes);
    }
}

package io.orderflow.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.EdgeTestApplication;
import io.orderflow.edge.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With tiny limits: the fourth request of a customer in a minute, and the third without a token, answer 429;
 * liveness and readiness probes are not limited.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orderflow.edge.rate-limit.customer.requests=3",
                "orderflow.edge.rate-limit.customer.period=PT1M",
                "orderflow.edge.rate-limit.anonymous.requests=2",
                "orderflow.edge.rate-limit.anonymous.period=PT1M"
        })
class RateLimitTest {

    @LocalServerPort int port;
    WebTestClient anonymous;

    @BeforeEach
    void connect() {
        anonymous = WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.newConnection()))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    private WebTestClient as(String token) {
        return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    @Test
    void limitsEachCustomerOnTheirOwnAndSaysWhenToRetry() {
        WebTestClient ada = as(TestTokens.customer("ada"));
        for (int i = 0; i < 3; i++) {
            ada.get().uri("/api/products").exchange().expectStatus().isOk();
        }

        ada.get().uri("/api/products").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
                .expectBody().jsonPath("$.code").isEqualTo(ErrorCode.RATE_LIMITED.name())
                .jsonPath("$.status").isEqualTo(429);
        as(TestTokens.customer("grace")).get().uri("/api/products").exchange().expectStatus().isOk();
    }

    /** The edge alone serves no probes (404); what matters is that an orchestrator's probe is never answered 429. */
    @Test
    void neverLimitsTheProbesOfAnOrchestrator() {
        for (int i = 0; i < 5; i++) {
            anonymous.get().uri("/livez").exchange().expectStatus().isNotFound();
            anonymous.get().uri("/readyz").exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void limitsRequestsWithoutATokenPerAddress() {
        // the first test's customers do not count against the address
        anonymous.get().uri("/api/products/p-1").exchange().expectStatus().isNotFound();
        anonymous.get().uri("/api/products/p-1").exchange().expectStatus().isNotFound();

        anonymous.get().uri("/api/products/p-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo(ErrorCode.RATE_LIMITED.name());
    }
}

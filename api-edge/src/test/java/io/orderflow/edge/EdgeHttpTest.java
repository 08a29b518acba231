package io.orderflow.edge;

import io.orderflow.contracts.common.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the HTTP tests: the edge on a random port, in front of {@link InMemoryBackend}. The timeout and
 * the wait for a new order are short so that a hanging handler is noticed quickly, the heartbeat of live
 * streams is short so that tests see it, and the default currency is not the built-in one so that its
 * binding is tested.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orderflow.edge.timeout=PT1S",
                "orderflow.edge.retry-backoff=PT0.005S",
                "orderflow.catalogue.default-currency=CHF",
                "orderflow.edge.live.max-wait=PT1S",
                "orderflow.edge.live.heartbeat=PT0.2S"
        })
public abstract class EdgeHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    protected InMemoryBackend backend;

    protected WebTestClient http;

    @BeforeEach
    void connect() {
        backend.reset();
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
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
}

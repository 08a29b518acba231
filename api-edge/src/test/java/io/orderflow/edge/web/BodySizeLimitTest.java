package io.orderflow.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.EdgeHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** A body over orderflow.edge.max-body-size (256 KB here) answers 413, whether or not it announces its length. */
class BodySizeLimitTest extends EdgeHttpTest {

    private static final String HUGE = "{\"name\": \"" + "x".repeat(300 * 1024) + "\"}";

    @Test
    void refusesABodyWhoseContentLengthIsTooLargeBeforeAuthentication() {
        expectProblem(anonymous.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(HUGE).exchange(),
                HttpStatus.CONTENT_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE)
                .jsonPath("$.maxBytes").isEqualTo(256 * 1024);
    }

    @Test
    void refusesAChunkedBodyThatGrowsTooLarge() {
        Flux<String> chunks = Flux.range(0, 300).map(i -> i == 0 ? "{\"name\": \"" + "x".repeat(1023) : "x".repeat(1024));

        expectProblem(admin.post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON)
                        .body(chunks, String.class).exchange(),
                HttpStatus.CONTENT_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(backend.commands()).isEmpty();
    }
}

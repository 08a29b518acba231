package io.orderflow.edge.security;

import io.orderflow.edge.EdgeHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** Headers a browser client relies on: no sniffing, no framing, a strict content policy, CORS for the shop only. */
class ResponseHeadersTest extends EdgeHttpTest {

    @Test
    void sendsSecurityHeadersOnAnswersAndErrors() {
        for (var response : java.util.List.of(anonymous.get().uri("/api/products").exchange(),
                anonymous.get().uri("/api/orders/o-1").exchange())) {
            response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.API)
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
        }
    }

    @Test
    void allowsTheConfiguredOriginToCallWithATokenAndAnIdempotencyKey() {
        anonymous.options().uri("/api/orders")
                .header(HttpHeaders.ORIGIN, "https://shop.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example.com")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> org.assertj.core.api.Assertions.assertThat(headers.toLowerCase()).contains("idempotency-key"));
    }

    @Test
    void refusesAnotherOrigin() {
        anonymous.options().uri("/api/orders")
                .header(HttpHeaders.ORIGIN, "https://evil.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}

package io.orderflow.edge.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.edge.EdgeHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The console's files are public and same-origin, under a policy that runs no inline script or style. */
class ConsolePagesTest extends EdgeHttpTest {

    @Test
    void redirectsTheRootAndTheBarePathToTheConsole() {
        for (String path : new String[] {"/", "/console"}) {
            anonymous.get().uri(path).exchange()
                    .expectStatus().isFound()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/console/");
        }
    }

    @Test
    void servesThePageWithoutATokenUnderAStrictContentPolicy() {
        anonymous.get().uri("/console/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self';", "style-src 'self';", "connect-src 'self';", "frame-ancestors 'none'",
                                "require-trusted-types-for 'script'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"))
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("<script type=\"module\" src=\"/console/js/app.js\"></script>")
                        .doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                        .doesNotContain("style="));
    }

    @Test
    void servesTheScriptsAndTheLibraryFromItsWebJar() {
        anonymous.get().uri("/console/js/app.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
        anonymous.get().uri("/webjars/lit-html/lit-html.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
    }

    @Test
    void leavesTheApiUnderItsOwnPolicy() {
        anonymous.get().uri("/api/products").exchange()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy).startsWith("default-src 'none';"));
    }
}

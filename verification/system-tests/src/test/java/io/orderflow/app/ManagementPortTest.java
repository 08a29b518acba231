package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Metrics, Prometheus and detailed health live on the management port, which listens on loopback only
 * (decisions/0011). The API port serves them to nobody, administrators included, and answers an orchestrator's
 * liveness and readiness probes without a token, status only, and never with a 429. Administrators read the
 * detailed health through the API too, at {@code /api/admin/health}, for the console.
 */
@OrderflowTest
class ManagementPortTest {

    private static final List<String> INTERNALS = List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health",
            "/actuator/health/db", "/actuator/info");

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Autowired JdbcTemplate sharedJdbc;
    @Value("${orderflow.db.url}") String sharedUrl;
    @Value("${orderflow.kafka.bootstrap-servers}") String kafkaServers;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theManagementPortServesPrometheusMetricsAndDetailedHealthWithoutAToken() {
        WebTestClient management = Api.management(managementPort);

        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(scrape -> assertThat(scrape).contains("jvm_memory_used_bytes", "http_server_requests_seconds"));
        management.get().uri("/actuator/metrics").exchange().expectStatus().isOk()
                .expectBody(String.class).value(names -> assertThat(names).contains("\"http.server.requests\""));
        management.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.db.details.database").isEqualTo("PostgreSQL")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.details").exists();
    }

    @Test
    void theApiPortServesTheInternalsToNobody() {
        String customer = api.aCustomer();
        for (String path : INTERNALS) {
            api.anonymous.get().uri(path).exchange().expectStatus().isUnauthorized();
            api.as(customer).get().uri(path).exchange().expectStatus().isForbidden();
            // not served on this port at all
            api.http.get().uri(path).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void administratorsReadEveryHealthComponentThroughTheApi() {
        // the console's Health page: the management port is out of a browser's reach
        api.http.get().uri("/api/admin/health").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.details.database").isEqualTo("PostgreSQL")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.details['lag.order-details']").exists();
        api.as(api.aCustomer()).get().uri("/api/admin/health").exchange().expectStatus().isForbidden();
        api.anonymous.get().uri("/api/admin/health").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theProbesOnTheApiPortAnswerTheStatusOnly() {
        for (String probe : List.of("/livez", "/readyz")) {
            api.anonymous.get().uri(probe).exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist()
                    .jsonPath("$.details").doesNotExist();
        }
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() {
        // every 127.x address reaches a socket bound to all interfaces; one bound to 127.0.0.1 answers that address alone
        assertThat(accepts("127.0.0.2", port)).as("the API port on another address").isTrue();
        assertThat(accepts("127.0.0.1", managementPort)).as("the management port on loopback").isTrue();
        assertThat(accepts("127.0.0.2", managementPort)).as("the management port on another address").isFalse();
    }

    @Test
    void neitherTheProbesNorTheManagementPortCountAgainstTheRateLimit() {
        String database = IsolatedInstance.freshDatabase(sharedJdbc, sharedUrl);
        try (IsolatedInstance app = IsolatedInstance.start(database, kafkaServers, "orderflow.edge.rate-limit.anonymous.requests=3")) {
            Api limited = app.api(); // the administrator's login: one anonymous request
            for (int i = 0; i < 10; i++) {
                limited.anonymous.get().uri("/livez").exchange().expectStatus().isOk();
                limited.anonymous.get().uri("/readyz").exchange().expectStatus().isOk();
                app.management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
            }

            limited.anonymous.get().uri("/api/products").exchange().expectStatus().isOk();
            limited.anonymous.get().uri("/api/products").exchange().expectStatus().isOk();
            limited.anonymous.get().uri("/api/products").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    private static boolean accepts(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}

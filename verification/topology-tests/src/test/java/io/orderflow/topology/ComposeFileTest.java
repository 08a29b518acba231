package io.orderflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here (no Docker engine): what it names is checked against the code instead. */
class ComposeFileTest {

    private static final Path ROOT = ComposeFile.projectRoot();

    @Test
    void everyServicePortVariableAndProfileOfTheComposeFileExists() throws IOException {
        assertThat(ComposeFile.check(ROOT, compose())).isEmpty();
    }

    @Test
    void aVariableThatBindsToNothingIsReported() throws IOException {
        String tampered = replace(compose(), "      ORDERFLOW_DB_URL: jdbc:postgresql://postgres:5432/order_service",
                "      ORDERFLOW_DB_URI: jdbc:postgresql://postgres:5432/order_service");
        assertThat(tampered).isNotEqualTo(compose());
        assertThat(ComposeFile.check(ROOT, tampered))
                .containsExactly("order-service: environment variable ORDERFLOW_DB_URI binds to no property of the service");
    }

    @Test
    void aVariableOfAnotherServicesPropertiesIsReported() throws IOException {
        // orderflow.auth belongs to the edge service: the order service has no such property
        String tampered = replace(compose(), "      ORDERFLOW_DB_PASSWORD: order_service\n",
                "      ORDERFLOW_DB_PASSWORD: order_service\n      ORDERFLOW_AUTH_TOKEN_LIFETIME: PT5M\n");
        assertThat(ComposeFile.check(ROOT, tampered))
                .containsExactly("order-service: environment variable ORDERFLOW_AUTH_TOKEN_LIFETIME binds to no property of the service");
    }

    @Test
    void wrongPortsUnknownServicesProfilesAndDependenciesAreReported() throws IOException {
        String tampered = new Tamper(compose())
                .replace("      - \"8082:8082\"", "      - \"8082:8090\"")
                .replace("SPRING_PROFILES_ACTIVE: axonserver\n      AXON_SERVER_ADDRESS: axonserver:8124\n      ORDERFLOW_EMBEDDED_ENABLED: \"false\"\n      ORDERFLOW_DB_URL: jdbc:postgresql://postgres:5432/query_service",
                        "SPRING_PROFILES_ACTIVE: axon-server\n      AXON_SERVER_ADDRESS: axonserver:8124\n      ORDERFLOW_EMBEDDED_ENABLED: \"false\"\n      ORDERFLOW_DB_URL: jdbc:postgresql://postgres:5432/query_service")
                .replace("  notification-service:", "  notifier:")
                .replace("      postgres:\n        condition: service_healthy\n      kafka:\n        condition: service_healthy\n    environment:\n      SPRING_PROFILES_ACTIVE: axonserver\n      ORDERFLOW_EMBEDDED_ENABLED: \"false\"\n      ORDERFLOW_DB_URL: jdbc:postgresql://postgres:5432/payment_service",
                        "      postgresql:\n        condition: service_healthy\n      kafka:\n        condition: service_healthy\n    environment:\n      SPRING_PROFILES_ACTIVE: axonserver\n      ORDERFLOW_EMBEDDED_ENABLED: \"false\"\n      ORDERFLOW_DB_URL: jdbc:postgresql://postgres:5432/payment_service")
                .replace("image: orderflow/saga-service:", "image: orderflow/saga:")
                .text();
        assertThat(ComposeFile.check(ROOT, tampered)).containsExactlyInAnyOrder(
                "service notification-service (io.orderflow.service.notification.NotificationServiceApplication) is missing from docker-compose.yml",
                "notifier: neither infrastructure [axonserver, jaeger, kafka, postgres] nor a service main class [edge-service, "
                        + "inventory-service, notification-service, order-service, payment-service, query-service, saga-service]",
                "inventory-service: publishes container port 8090 but the service listens on 8082",
                "query-service: profile axon-server has no application-axon-server.yml on the classpath",
                "payment-service: depends_on names no service: postgresql",
                "saga-service: image orderflow/saga:${ORDERFLOW_VERSION:-0.1.0-SNAPSHOT} is not the one Jib builds, orderflow/saga-service:<version>");
    }

    @Test
    void aHealthCheckOnAnotherPortOrOfAnotherEndpointIsReported() throws IOException {
        for (String wrong : List.of("http://localhost:8080/readyz", "http://localhost:8084/actuator/health")) {
            String tampered = replace(compose(), "http://localhost:8084/readyz", wrong);
            assertThat(ComposeFile.check(ROOT, tampered)).containsExactly("query-service: the health check does not ask "
                    + "http://localhost:8084/readyz: CMD java -cp /app/libs/* io.orderflow.platform.service.HealthProbe " + wrong);
        }
    }

    @Test
    void aPublishedManagementPortIsReported() throws IOException {
        String tampered = replace(compose(), "      - \"8081:8081\"\n", "      - \"8081:8081\"\n      - \"9081:9081\"\n");
        assertThat(ComposeFile.check(ROOT, tampered)).containsExactly(
                "order-service: publishes its management port 9081 (metrics and internals); a scraper reaches it on the compose network");
    }

    private static String replace(String text, String target, String replacement) {
        assertThat(text).as("the compose file to tamper with").contains(target);
        return text.replace(target, replacement);
    }

    /** Replacements that each must apply. */
    private record Tamper(String text) {
        Tamper replace(String target, String replacement) {
            return new Tamper(ComposeFileTest.replace(text, target, replacement));
        }
    }

    private static String compose() throws IOException {
        return Files.readString(ROOT.resolve("docker-compose.yml"));
    }
}

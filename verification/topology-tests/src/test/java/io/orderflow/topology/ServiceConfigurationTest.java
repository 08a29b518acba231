package io.orderflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.platform.service.ServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.Environment;

/**
 * How a service's configuration files combine (no beans started): its own file over the shared one, and
 * the axonserver profile over both.
 */
class ServiceConfigurationTest {

    @Test
    void withoutAProfileTheServiceUsesTheJdbcEventStoreOnItsOwnPort() {
        Environment environment = environment();
        assertThat(environment.getProperty("spring.application.name")).isEqualTo("order-service");
        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    }

    @Test
    void metricsAndDetailedHealthAreOnTheServicesManagementPortOnLoopback() {
        Environment environment = environment();
        assertThat(environment.getProperty("management.server.port")).isEqualTo("9081");
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.show-details")).isEqualTo("never");
    }

    @Test
    void theAxonserverProfileSwitchesToAxonServer() {
        Environment environment = environment("--spring.profiles.active=axonserver", "--AXON_SERVER_ADDRESS=axon.example:8124");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("axon.axonserver.servers")).isEqualTo("axon.example:8124");
    }

    @Test
    void portIsTheServicesPort() {
        assertThat(environment("--PORT=9999").getProperty("server.port")).isEqualTo("9999");
    }

    /** The service's environment, from an application without any configuration class. */
    private static Environment environment(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--orderflow.embedded.enabled=false"),
                java.util.Arrays.stream(args)).toArray(String[]::new);
        try (var context = ServiceApplication.builder("order-service", Nothing.class).web(WebApplicationType.NONE).run(all)) {
            return context.getEnvironment();
        }
    }

    static class Nothing {
    }
}

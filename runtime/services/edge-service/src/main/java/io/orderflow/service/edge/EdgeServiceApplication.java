package io.orderflow.service.edge;

import io.orderflow.auth.AuthConfiguration;
import io.orderflow.edge.EdgeConfiguration;
import io.orderflow.platform.service.AxonPlatform;
import io.orderflow.platform.service.ServiceApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The HTTP edge as its own service: the REST API, security, rate limits, the idempotency store (schema
 * {@code edge}), and the auth module (accounts, token issuing, JWKS; schema {@code auth}), which only the edge uses. It owns no aggregate and no
 * projection: every command and query goes over Axon's buses to the service that handles it.
 * Configuration: {@code edge-service.yml}. Deliberately neither a component nor a configuration class, so that
 * nothing scanning {@code io.orderflow} picks it up.
 */
public final class EdgeServiceApplication {

    /** The service's name: its {@code spring.application.name}, configuration file and image name. */
    public static final String NAME = "edge-service";

    private EdgeServiceApplication() {
    }

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return ServiceApplication.builder(NAME, Service.class).run(args);
    }

    @EnableAutoConfiguration
    @AxonPlatform
    @ComponentScan(basePackageClasses = {EdgeConfiguration.class, AuthConfiguration.class})
    static class Service {
    }
}

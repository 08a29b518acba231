package io.orderflow.service.query;

import io.orderflow.projections.ProjectionsConfiguration;
import io.orderflow.platform.service.AxonPlatform;
import io.orderflow.platform.service.ServiceApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The query side as its own service: the projections, their read models in the {@code projections} schema,
 * the query handlers, the read-model operations and the dead-letter operations of its processors.
 * Configuration: {@code query-service.yml}. Deliberately neither a component nor a configuration class, so that
 * nothing scanning {@code io.orderflow} picks it up.
 */
public final class QueryServiceApplication {

    /** The service's name: its {@code spring.application.name}, configuration file and image name. */
    public static final String NAME = "query-service";

    private QueryServiceApplication() {
    }

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return ServiceApplication.builder(NAME, Service.class).run(args);
    }

    @EnableAutoConfiguration
    @AxonPlatform
    @ComponentScan(basePackageClasses = {ProjectionsConfiguration.class})
    static class Service {
    }
}

package io.orderflow.service.order;

import io.orderflow.order.OrderAggregateConfiguration;
import io.orderflow.platform.service.AxonPlatform;
import io.orderflow.platform.service.ServiceApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Order aggregate as its own service: handles the order commands, stores its events (JDBC event store
 * in its own database, or Axon Server with the {@code axonserver} profile).
 * Configuration: {@code order-service.yml}. Deliberately neither a component nor a configuration class, so that
 * nothing scanning {@code io.orderflow} picks it up.
 */
public final class OrderServiceApplication {

    /** The service's name: its {@code spring.application.name}, configuration file and image name. */
    public static final String NAME = "order-service";

    private OrderServiceApplication() {
    }

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return ServiceApplication.builder(NAME, Service.class).run(args);
    }

    @EnableAutoConfiguration
    @AxonPlatform
    @ComponentScan(basePackageClasses = {OrderAggregateConfiguration.class})
    static class Service {
    }
}

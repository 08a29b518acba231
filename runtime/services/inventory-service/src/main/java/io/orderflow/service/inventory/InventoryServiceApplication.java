package io.orderflow.service.inventory;

import io.orderflow.inventory.InventoryAggregateConfiguration;
import io.orderflow.platform.service.AxonPlatform;
import io.orderflow.platform.service.ServiceApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Inventory aggregate as its own service: handles the stock commands and the reservations' deadlines.
 * Configuration: {@code inventory-service.yml}. Deliberately neither a component nor a configuration class, so that
 * nothing scanning {@code io.orderflow} picks it up.
 */
public final class InventoryServiceApplication {

    /** The service's name: its {@code spring.application.name}, configuration file and image name. */
    public static final String NAME = "inventory-service";

    private InventoryServiceApplication() {
    }

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return ServiceApplication.builder(NAME, Service.class).run(args);
    }

    @EnableAutoConfiguration
    @AxonPlatform
    @ComponentScan(basePackageClasses = {InventoryAggregateConfiguration.class})
    static class Service {
    }
}

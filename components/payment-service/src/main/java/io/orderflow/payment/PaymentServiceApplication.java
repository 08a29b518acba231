package io.orderflow.payment;

import io.orderflow.platform.db.DatabaseConfiguration;
import io.orderflow.platform.kafka.KafkaConfiguration;
import io.orderflow.platform.service.ServiceApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The payment service deployed on its own: its ledger in PostgreSQL, Kafka in and out, actuator health
 * on its port (8085), nothing of the order side (no Axon). Configuration: {@code payment-service.yml}.
 * Deliberately not a component, so that the launcher, which runs every module in one JVM, does not pick it up.
 */
public final class PaymentServiceApplication {

    /** The service's name: its {@code spring.application.name}, configuration file and image name. */
    public static final String NAME = "payment-service";

    private PaymentServiceApplication() {
    }

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return ServiceApplication.builderWithoutAxon(NAME, Service.class).run(args);
    }

    @EnableAutoConfiguration
    @Import({DatabaseConfiguration.class, KafkaConfiguration.class, PaymentServiceConfiguration.class})
    static class Service {
    }
}

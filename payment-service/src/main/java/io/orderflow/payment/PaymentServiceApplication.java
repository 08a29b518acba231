package io.orderflow.payment;

import io.orderflow.platform.db.DatabaseConfiguration;
import io.orderflow.platform.kafka.KafkaConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The payment service deployed on its own: its ledger in PostgreSQL, Kafka in and out, nothing of the
 * order side (no Axon, no web server). Deliberately not a component, so that the launcher, which runs
 * every module in one JVM, does not pick it up.
 */
public final class PaymentServiceApplication {

    private PaymentServiceApplication() {
    }

    public static void main(String[] args) {
        start(args);
    }

    static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(DatabaseConfiguration.class, KafkaConfiguration.class, PaymentServiceConfiguration.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}

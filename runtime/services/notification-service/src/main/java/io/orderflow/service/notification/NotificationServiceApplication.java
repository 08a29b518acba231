package io.orderflow.service.notification;

import io.orderflow.notification.NotificationConfiguration;
import io.orderflow.platform.db.DatabaseConfiguration;
import io.orderflow.platform.kafka.KafkaConfiguration;
import io.orderflow.platform.service.ServiceApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The notifications as their own service: consume {@code orders.events} and record the customer e-mails.
 * No Axon.
 * Configuration: {@code notification-service.yml}. Deliberately neither a component nor a configuration class, so that
 * nothing scanning {@code io.orderflow} picks it up.
 */
public final class NotificationServiceApplication {

    /** The service's name: its {@code spring.application.name}, configuration file and image name. */
    public static final String NAME = "notification-service";

    private NotificationServiceApplication() {
    }

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return ServiceApplication.builderWithoutAxon(NAME, Service.class).run(args);
    }

    @EnableAutoConfiguration
    @Import({DatabaseConfiguration.class, KafkaConfiguration.class, NotificationConfiguration.class})
    static class Service {
    }
}

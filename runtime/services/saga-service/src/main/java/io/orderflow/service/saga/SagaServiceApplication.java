package io.orderflow.service.saga;

import io.orderflow.outbox.OutboxConfiguration;
import io.orderflow.paymentchannel.PaymentChannelConfiguration;
import io.orderflow.platform.kafka.KafkaConfiguration;
import io.orderflow.saga.OrderSagaConfiguration;
import io.orderflow.stucksagas.StuckSagaConfiguration;
import io.orderflow.platform.service.AxonPlatform;
import io.orderflow.platform.service.ServiceApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The order saga and its Kafka integration as one service: the saga, the payment-request and order-event
 * publishers (tracking processors) and the consumer of {@code payments.results}.
 * Configuration: {@code saga-service.yml}. Deliberately neither a component nor a configuration class, so that
 * nothing scanning {@code io.orderflow} picks it up.
 */
public final class SagaServiceApplication {

    /** The service's name: its {@code spring.application.name}, configuration file and image name. */
    public static final String NAME = "saga-service";

    private SagaServiceApplication() {
    }

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return ServiceApplication.builder(NAME, Service.class).run(args);
    }

    @EnableAutoConfiguration
    @AxonPlatform
    @Import(KafkaConfiguration.class)
    // io.orderflow.orderevents holds only its package-private publisher, hence by name
    @ComponentScan(basePackageClasses = {OrderSagaConfiguration.class, OutboxConfiguration.class, PaymentChannelConfiguration.class,
            StuckSagaConfiguration.class}, basePackages = "io.orderflow.orderevents")
    static class Service {
    }
}

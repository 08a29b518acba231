package io.orderflow.saga;

import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settings the {@link OrderSaga} is injected with, and how its processor sequences events. The saga
 * itself is found by component scanning, being an Axon {@code @Saga}.
 */
@Configuration(proxyBeanMethods = false)
public class OrderSagaConfiguration {

    @Bean
    public OrderSagaSettings orderSagaSettings(
            @Value("${orderflow.saga.payment-timeout:PT30S}") Duration paymentTimeout,
            @Value("${orderflow.saga.step-retry-interval:PT10S}") Duration stepRetryInterval) {
        return new OrderSagaSettings(paymentTimeout, stepRetryInterval);
    }

    @Bean
    public ConfigurerModule orderSagaSequencedByOrder() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(OrderSaga.PROCESSING_GROUP, config -> new OrderSequencingPolicy());
    }
}

package io.orderflow.saga;

import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the {@link OrderSaga} is injected with: its timings, and the commands it sends. The saga itself is
 * found by component scanning, being an Axon {@code @Saga}.
 */
@Configuration(proxyBeanMethods = false)
public class OrderSagaConfiguration {

    @Bean
    public OrderSagaSettings orderSagaSettings(@Value("${orderflow.saga.payment-timeout:PT30S}") Duration paymentTimeout) {
        return new OrderSagaSettings(paymentTimeout);
    }

    /** Without the application gateway's retries: a failed command fails the saga's event, which its processor retries. */
    @Bean
    public SagaCommands sagaCommands(CommandBus commandBus) {
        return new SagaCommands(DefaultCommandGateway.builder().commandBus(commandBus).build());
    }
}

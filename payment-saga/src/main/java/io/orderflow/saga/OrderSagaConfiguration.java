package io.orderflow.saga;

import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the {@link OrderSaga} is injected with: its timings, and the commands it sends (its
 * {@link PaymentChannel} comes with the Kafka side, {@code io.orderflow.paymentchannel}). The saga itself is
 * found by component scanning, being an Axon {@code @Saga}.
 */
@Configuration(proxyBeanMethods = false)
public class OrderSagaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSagaConfiguration.class);

    @Bean
    public OrderSagaSettings orderSagaSettings(@Value("${orderflow.saga.payment-timeout:PT30S}") Duration paymentTimeout,
                                               @Value("${orderflow.saga.payment-max-wait:PT15M}") Duration paymentMaxWait,
                                               @Value("${orderflow.inventory.reservation-ttl:#{null}}") Duration reservationTtl) {
        OrderSagaSettings settings = new OrderSagaSettings(paymentTimeout, paymentMaxWait);
        // where the inventory runs in the same process: its reservations should outlive every wait for a payment,
        // or they expire (and cancel the order PAYMENT_TIMEOUT) while the payment channel is down. A warning only:
        // a test of the expiry itself runs with a short time-to-live
        if (reservationTtl != null && reservationTtl.compareTo(paymentMaxWait) <= 0) {
            LOG.warn("orderflow.inventory.reservation-ttl ({}) is not longer than orderflow.saga.payment-max-wait ({}): reservations "
                    + "may expire, and their orders be cancelled PAYMENT_TIMEOUT, while the payment channel is down", reservationTtl, paymentMaxWait);
        }
        return settings;
    }

    /** Without the application gateway's retries: a failed command fails the saga's event, which its processor retries. */
    @Bean
    public SagaCommands sagaCommands(CommandBus commandBus) {
        return new SagaCommands(DefaultCommandGateway.builder().commandBus(commandBus).build());
    }
}

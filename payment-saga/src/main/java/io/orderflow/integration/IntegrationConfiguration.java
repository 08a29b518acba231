package io.orderflow.integration;

import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.integration.paymentresults.PaymentResults;
import io.orderflow.platform.kafka.KafkaConfiguration.ProvisionedTopics;
import io.orderflow.platform.kafka.KafkaObservability;
import io.orderflow.platform.kafka.KafkaPublisher;
import io.orderflow.platform.kafka.KafkaSettings;
import io.orderflow.platform.kafka.KafkaSubscription;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka side of the order process: one publisher, the payment results subscription, error handling. */
@Configuration(proxyBeanMethods = false)
public class IntegrationConfiguration {

    /** Results of different orders are recorded at once, each in its own transaction; one order's in order. */
    private static final int CONCURRENT_RESULTS_PER_PARTITION = 4;

    @Bean(destroyMethod = "close")
    KafkaPublisher kafkaPublisher(KafkaSettings settings, ProvisionedTopics topics,
                                  @Value("${orderflow.kafka.send-timeout:PT10S}") Duration sendTimeout,
                                  KafkaObservability observability) {
        return new KafkaPublisher(settings, sendTimeout, observability);
    }

    @Bean
    KafkaSubscription paymentResultsSubscription(KafkaSettings settings, ProvisionedTopics topics,
                                                 CommandGateway commandGateway, KafkaPublisher kafkaPublisher,
                                                 KafkaObservability observability) {
        return new KafkaSubscription(settings, PaymentTopics.RESULTS, "order-payments",
                PaymentResults.handler(commandGateway), kafkaPublisher, KafkaSubscription.RetryPolicy.defaults(), observability,
                CONCURRENT_RESULTS_PER_PARTITION);
    }

    /**
     * A failing event handler must never be skipped: the default (log and continue) would drop a
     * payment request or a saga step. Propagating makes the processor retry the event with back-off.
     */
    @Bean
    ConfigurerModule propagateEventHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }
}

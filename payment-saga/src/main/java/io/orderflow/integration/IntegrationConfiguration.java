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
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka side of the order process: one publisher, the payment results subscription, error handling. */
@Configuration(proxyBeanMethods = false)
public class IntegrationConfiguration {

    @Bean(destroyMethod = "close")
    KafkaPublisher kafkaPublisher(KafkaSettings settings, ProvisionedTopics topics,
                                  @Value("${orderflow.kafka.send-timeout:PT10S}") Duration sendTimeout,
                                  KafkaObservability observability) {
        return new KafkaPublisher(settings, sendTimeout, observability);
    }

    @Bean
    KafkaSubscription paymentResultsSubscription(KafkaSettings settings, ProvisionedTopics topics,
                                                 CommandGateway commandGateway, TransactionManager transactionManager,
                                                 KafkaPublisher kafkaPublisher, KafkaObservability observability) {
        // a poll's results in one transaction (see PaymentResultHandler), one poll after the other
        return new KafkaSubscription(settings, PaymentTopics.RESULTS, "order-payments",
                PaymentResults.handler(commandGateway, transactionManager), kafkaPublisher, KafkaSubscription.RetryPolicy.defaults(),
                observability);
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

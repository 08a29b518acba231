package io.orderflow.outbox;

import io.orderflow.platform.kafka.KafkaConfiguration.ProvisionedTopics;
import io.orderflow.platform.kafka.KafkaObservability;
import io.orderflow.platform.kafka.KafkaPublisher;
import io.orderflow.platform.kafka.KafkaSettings;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the event processors that send to Kafka share: one publisher, and errors that are never skipped, so
 * that a processor's token (the outbox's position) never passes an event whose record Kafka did not take.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean(destroyMethod = "close")
    KafkaPublisher kafkaPublisher(KafkaSettings settings, ProvisionedTopics topics,
                                  @Value("${orderflow.kafka.send-timeout:PT10S}") Duration sendTimeout,
                                  KafkaObservability observability) {
        return new KafkaPublisher(settings, sendTimeout, observability);
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

package io.orderflow.ordermetrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The order metrics and their processor. A subscribing processor sees only the events published in its own
 * JVM, so the metrics go where the Order aggregate runs: an auto-configuration of this module (the launcher
 * and the order-service have it; component scanning skips it), after Axon's, backing off where there is no
 * Axon event processing or event store, and where {@value #ORDER_METRICS_ENABLED} is false.
 */
@AutoConfiguration(afterName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.InfraConfiguration"})
@ConditionalOnBean({EventProcessingConfiguration.class, EventStore.class})
@ConditionalOnProperty(name = OrderMetricsConfiguration.ORDER_METRICS_ENABLED, havingValue = "true", matchIfMissing = true)
public class OrderMetricsConfiguration {

    /** false: no order counters and no {@code order-metrics} processor (services other than the order-service). */
    public static final String ORDER_METRICS_ENABLED = "orderflow.metrics.orders.enabled";

    /** The order metrics count events as they are published, in the publisher's unit of work: never replayed. */
    @Bean
    ConfigurerModule orderMetricsProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(OrderMetrics.PROCESSING_GROUP)
                // the default handler propagates (OutboxConfiguration, payment-saga): a metric must not fail a command
                .registerListenerInvocationErrorHandler(OrderMetrics.PROCESSING_GROUP, config -> new LoggingErrorHandler());
    }

    @Bean
    OrderMetrics orderMetrics(MeterRegistry registry, EventStore eventStore) {
        return new OrderMetrics(registry, eventStore);
    }
}

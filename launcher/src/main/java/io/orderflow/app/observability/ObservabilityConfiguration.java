package io.orderflow.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.axon.ProcessorLag;
import io.orderflow.platform.kafka.KafkaSettings;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Processor lag gauges, the order metrics' processor, and the readiness indicators. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Gauge: events between the head of the event store and a processor's slowest segment. */
    public static final String PROCESSOR_LAG = "orderflow.eventprocessor.lag";
    /** Gauge: events parked in a processor's dead-letter queue (the read models'). */
    public static final String PROCESSOR_DEAD_LETTERS = "orderflow.eventprocessor.dead.letters";

    /** The order metrics count events as they are published, in the publisher's unit of work: never replayed. */
    @Bean
    ConfigurerModule orderMetricsProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(OrderMetrics.PROCESSING_GROUP)
                // the default handler propagates (IntegrationConfiguration): a metric must not fail a command
                .registerListenerInvocationErrorHandler(OrderMetrics.PROCESSING_GROUP, config -> new LoggingErrorHandler());
    }

    @Bean
    ProcessorProgress processorProgress(JdbcTemplate jdbc, EventProcessingConfiguration processing, MeterRegistry registry,
                                        @Value("${orderflow.health.processor-stall-timeout:PT2M}") Duration stallTimeout) {
        return new ProcessorProgress(new ProcessorLag(jdbc), processing, registry, stallTimeout);
    }

    /** Registers the lag gauges of the processors whose tokens exist, before the first scrape. */
    @EventListener(ApplicationReadyEvent.class)
    public void sampleProcessorLag(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(ProcessorProgress.class).sample();
    }

    @Bean("eventProcessors")
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(ProcessorProgress progress) {
        return new EventProcessorsHealthIndicator(progress);
    }

    @Bean(name = "kafka", destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaSettings settings,
                                              @Value("${orderflow.health.kafka-timeout:PT2S}") Duration timeout) {
        return new KafkaHealthIndicator(settings, timeout);
    }
}

package io.orderflow.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.axon.ProcessorLag;
import io.orderflow.platform.axon.ProcessorPauses;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;

/**
 * Processor lag gauges and the event processors' readiness (the order metrics live beside the Order aggregate,
 * {@code io.orderflow.ordermetrics}). An
 * auto-configuration (the launcher and every service with {@code @EnableAutoConfiguration} get it; a context
 * without auto-configuration, such as the auditor's, does not; component scanning skips it), after Axon's, so
 * that it backs off where there is no Axon event processing (payment-service, notification-service).
 */
@AutoConfiguration(afterName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.InfraConfiguration"})
@ConditionalOnBean({EventProcessingConfiguration.class, JdbcTemplate.class})
public class ObservabilityConfiguration {

    /** Gauge: events between the head of the event store and a processor's slowest segment. */
    public static final String PROCESSOR_LAG = "orderflow.eventprocessor.lag";
    /** Gauge: events parked in a processor's dead-letter queue (the read models'). */
    public static final String PROCESSOR_DEAD_LETTERS = "orderflow.eventprocessor.dead.letters";
    @Bean
    ProcessorPauses processorPauses() {
        return new ProcessorPauses();
    }

    @Bean
    ProcessorProgress processorProgress(JdbcTemplate jdbc, EventProcessingConfiguration processing, MeterRegistry registry,
                                        @Value("${orderflow.health.processor-stall-timeout:PT2M}") Duration stallTimeout,
                                        ProcessorPauses pauses) {
        return new ProcessorProgress(new ProcessorLag(jdbc), processing, registry, stallTimeout, pauses);
    }

    /** Answers the edge's admission control, and anyone else asking how far a processor is behind. */
    @Bean
    ProcessorBacklogQueries processorBacklogQueries(JdbcTemplate jdbc) {
        return new ProcessorBacklogQueries(new ProcessorLag(jdbc), Clock.systemUTC());
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
}

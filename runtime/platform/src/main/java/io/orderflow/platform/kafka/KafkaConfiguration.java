package io.orderflow.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the Kafka settings and provisions the topics before any producer or consumer starts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaConfiguration {

    @Bean
    ProvisionedTopics provisionedTopics(KafkaSettings settings) {
        KafkaTopics.provision(settings);
        return new ProvisionedTopics(settings.topics());
    }

    /** Traces and metrics for the adapter: the application's tracer and registry when they exist. */
    @Bean
    KafkaObservability kafkaObservability(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                          ObjectProvider<MeterRegistry> meterRegistry) {
        return new KafkaObservability(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP),
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Marker that the topics exist; Kafka producers and consumers depend on it. */
    public record ProvisionedTopics(java.util.List<String> topics) {
    }
}

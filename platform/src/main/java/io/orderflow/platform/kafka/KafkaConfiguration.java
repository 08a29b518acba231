package io.orderflow.platform.kafka;

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

    /** Marker that the topics exist; Kafka producers and consumers depend on it. */
    public record ProvisionedTopics(java.util.List<String> topics) {
    }
}

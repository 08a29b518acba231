package io.orderflow.platform.observability;

import io.orderflow.platform.kafka.KafkaSettings;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code kafka} readiness indicator, where the Kafka adapter is configured ({@link KafkaSettings}, from
 * the user configuration {@code KafkaConfiguration}); an auto-configuration like {@link ObservabilityConfiguration}.
 */
@AutoConfiguration
@ConditionalOnBean(KafkaSettings.class)
public class KafkaHealthConfiguration {

    @Bean(name = "kafka", destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaSettings settings,
                                              @Value("${orderflow.health.kafka-timeout:PT2S}") Duration timeout) {
        return new KafkaHealthIndicator(settings, timeout);
    }
}

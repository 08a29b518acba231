package io.orderflow.payment;

import io.orderflow.platform.db.DatabaseConfiguration;
import io.orderflow.platform.kafka.KafkaConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The payment service on the platform's real PostgreSQL and real Kafka (embedded unless configured), without
 * auto-configuration, so no Axon. The bank follows each test's script instead of chance.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@Import({DatabaseConfiguration.class, KafkaConfiguration.class, PaymentServiceConfiguration.class})
class PaymentServiceTestApplication {

    @Bean
    @Primary
    ScriptedPaymentDecisions scriptedPaymentDecisions() {
        return new ScriptedPaymentDecisions();
    }
}

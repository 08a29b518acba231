package io.orderflow.payment;

import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.platform.db.SchemaMigration;
import io.orderflow.platform.kafka.KafkaConfiguration.ProvisionedTopics;
import io.orderflow.platform.kafka.KafkaObservability;
import io.orderflow.platform.kafka.KafkaPublisher;
import io.orderflow.platform.kafka.KafkaSettings;
import io.orderflow.platform.kafka.KafkaSubscription;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The payment service as one import: its schema, the provider's logic and ledger, and the Kafka
 * subscription that answers {@code payments.requests} on {@code payments.results}. Switched off with
 * {@code orderflow.payment.enabled=false} when an external provider serves the topics. Expects the
 * platform's DatabaseConfiguration and KafkaConfiguration.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.payment.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(PaymentServiceProperties.class)
public class PaymentServiceConfiguration {

    static final String SCHEMA = "payments";
    static final String CONSUMER_GROUP = "payment-service";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    /** A provider answers many payments at once; one payment's requests are still answered in order. */
    private static final int CONCURRENT_REQUESTS_PER_PARTITION = 32;

    @Bean
    SchemaMigration paymentsSchemaMigration() {
        return new SchemaMigration(SCHEMA, "classpath:db/migration/" + SCHEMA);
    }

    @Bean
    PaymentLedger paymentLedger(DataSource dataSource) {
        return new PaymentLedger(dataSource);
    }

    @Bean
    PaymentDecisions paymentDecisions(PaymentServiceProperties properties) {
        // java.util.Random, unlike most generators, is safe to share between the partitions' threads.
        return PaymentDecisions.random(new Random(), properties.approvalRate(), properties.technicalFailureRate());
    }

    @Bean
    PaymentProcessor paymentProcessor(PaymentLedger ledger, PlatformTransactionManager transactionManager,
                                      PaymentDecisions paymentDecisions, PaymentServiceProperties properties) {
        return new PaymentProcessor(ledger, transactionManager, paymentDecisions, properties.latency(),
                properties.technicalRetries(), properties.technicalBackoff());
    }

    /** Not a default candidate: other modules' publishers are theirs, and this one stays the payment service's. */
    @Bean(destroyMethod = "close", defaultCandidate = false)
    KafkaPublisher paymentResultsPublisher(KafkaSettings settings, ProvisionedTopics topics, KafkaObservability observability) {
        return new KafkaPublisher(settings, SEND_TIMEOUT, observability);
    }

    @Bean
    KafkaSubscription paymentRequestsSubscription(KafkaSettings settings, ProvisionedTopics topics, PaymentProcessor processor,
                                                  @Qualifier("paymentResultsPublisher") KafkaPublisher publisher,
                                                  KafkaObservability observability) {
        PaymentResults results = result -> publisher.sendJson(PaymentTopics.RESULTS, result.orderId(), result, Map.of());
        return new KafkaSubscription(settings, PaymentTopics.REQUESTS, CONSUMER_GROUP,
                new PaymentRequestHandler(processor, results), publisher, KafkaSubscription.RetryPolicy.defaults(), observability,
                CONCURRENT_REQUESTS_PER_PARTITION);
    }
}

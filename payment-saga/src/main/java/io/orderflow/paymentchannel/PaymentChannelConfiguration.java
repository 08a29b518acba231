package io.orderflow.paymentchannel;

import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.platform.kafka.KafkaClusterProbe;
import io.orderflow.platform.kafka.KafkaConfiguration.ProvisionedTopics;
import io.orderflow.platform.kafka.KafkaObservability;
import io.orderflow.platform.kafka.KafkaPublisher;
import io.orderflow.platform.kafka.KafkaSettings;
import io.orderflow.platform.kafka.KafkaSubscription;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order process's payment channel over Kafka: its state for the payment deadline, the results subscription. */
@Configuration(proxyBeanMethods = false)
public class PaymentChannelConfiguration {

    /** Results of different orders are recorded at once, each in its own transaction; one order's in order. */
    private static final int CONCURRENT_RESULTS_PER_PARTITION = 4;

    /** What the order process's payment deadline asks: was the payment channel down meanwhile (docs/decisions/0017). */
    @Bean
    KafkaPaymentChannel paymentChannel(KafkaClusterProbe paymentChannelProbe,
                                       @Value("${orderflow.saga.payment-channel-probe-interval:PT1S}") Duration probeInterval) {
        return new KafkaPaymentChannel(Clock.systemUTC(), () -> answers(paymentChannelProbe), probeInterval);
    }

    @Bean(destroyMethod = "close")
    KafkaClusterProbe paymentChannelProbe(KafkaSettings settings, @Value("${orderflow.health.kafka-timeout:PT2S}") Duration timeout) {
        return new KafkaClusterProbe(settings, timeout);
    }

    private static boolean answers(KafkaClusterProbe probe) {
        try {
            probe.describe();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
    }

    @Bean
    KafkaSubscription paymentResultsSubscription(KafkaSettings settings, ProvisionedTopics topics,
                                                 CommandGateway commandGateway, KafkaPublisher kafkaPublisher,
                                                 KafkaObservability observability, KafkaPaymentChannel paymentChannel) {
        KafkaSubscription subscription = new KafkaSubscription(settings, PaymentTopics.RESULTS, "order-payments",
                PaymentResults.handler(commandGateway), kafkaPublisher, KafkaSubscription.RetryPolicy.defaults(), observability,
                CONCURRENT_RESULTS_PER_PARTITION);
        // no results come back while the group rebalances, e.g. after a crash until the dead member's session expired
        subscription.listenToAssignments(paymentChannel::resultsAssigned, paymentChannel::resultsRevoked);
        return subscription;
    }
}

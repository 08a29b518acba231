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
import java.time.Instant;
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
    private static final String RESULTS_GROUP = "order-payments";

    /**
     * What the order process's payment deadline asks: was the payment channel down meanwhile, or is the payment
     * service (consumer group {@code orderflow.saga.payment-provider-group}) or this side's results consumer still
     * behind what was written before the deadline's window (docs/decisions/0017).
     */
    @Bean
    KafkaPaymentChannel paymentChannel(KafkaClusterProbe paymentChannelProbe,
                                       @Value("${orderflow.saga.payment-channel-probe-interval:PT1S}") Duration probeInterval,
                                       @Value("${orderflow.saga.payment-provider-group:payment-service}") String providerGroup) {
        return new KafkaPaymentChannel(Clock.systemUTC(), () -> answers(paymentChannelProbe), probeInterval,
                windowStart -> leftUnconsumed(paymentChannelProbe, PaymentTopics.REQUESTS, providerGroup, windowStart)
                        || leftUnconsumed(paymentChannelProbe, PaymentTopics.RESULTS, RESULTS_GROUP, windowStart));
    }

    @Bean(destroyMethod = "close")
    KafkaClusterProbe paymentChannelProbe(KafkaSettings settings, @Value("${orderflow.health.kafka-timeout:PT2S}") Duration timeout) {
        return new KafkaClusterProbe(settings, timeout);
    }

    /** False when the cluster cannot tell (the group committed nothing on the topic) or did not answer: the broker probe covers that. */
    private static boolean leftUnconsumed(KafkaClusterProbe probe, String topic, String group, Instant before) {
        try {
            return probe.leftUnconsumedBefore(topic, group, before).orElse(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
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
        KafkaSubscription subscription = new KafkaSubscription(settings, PaymentTopics.RESULTS, RESULTS_GROUP,
                PaymentResults.handler(commandGateway), kafkaPublisher, KafkaSubscription.RetryPolicy.defaults(), observability,
                CONCURRENT_RESULTS_PER_PARTITION);
        // no results come back while the group rebalances, e.g. after a crash until the dead member's session expired
        subscription.listenToAssignments(paymentChannel::resultsAssigned, paymentChannel::resultsRevoked);
        return subscription;
    }
}

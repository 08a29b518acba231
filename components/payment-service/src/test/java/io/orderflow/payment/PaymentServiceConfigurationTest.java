package io.orderflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** How the component is switched and tuned, without a database or a broker. */
class PaymentServiceConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PaymentServiceProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner properties = new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Test
    void staysAwayWhenAnExternalProviderServesTheTopics() {
        // Nothing of the payment service may start: no schema, no subscription, so no database or broker is needed either.
        new ApplicationContextRunner()
                .withUserConfiguration(PaymentServiceConfiguration.class)
                .withPropertyValues("orderflow.payment.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(PaymentProcessor.class)
                        .doesNotHaveBean(PaymentLedger.class)
                        .doesNotHaveBean(io.orderflow.platform.db.SchemaMigration.class)
                        .doesNotHaveBean(io.orderflow.platform.kafka.KafkaSubscription.class));
    }

    @Test
    void approvesFourChargesInFiveByDefaultAndNeverFailsTechnically() {
        properties.run(context -> assertThat(context.getBean(PaymentServiceProperties.class))
                .isEqualTo(new PaymentServiceProperties(true, 0.8, 0.0, 3, Duration.ofMillis(50), Duration.ofMillis(20))));
    }

    @Test
    void bindsEveryKnob() {
        properties.withPropertyValues(
                        "orderflow.payment.approval-rate=0.5",
                        "orderflow.payment.technical-failure-rate=0.1",
                        "orderflow.payment.technical-retries=5",
                        "orderflow.payment.technical-backoff=PT0.1S",
                        "orderflow.payment.latency=0ms")
                .run(context -> assertThat(context.getBean(PaymentServiceProperties.class))
                        .isEqualTo(new PaymentServiceProperties(true, 0.5, 0.1, 5, Duration.ofMillis(100), Duration.ZERO)));
    }

    @Test
    void refusesToStartWithARateOutsideZeroToOne() {
        properties.withPropertyValues("orderflow.payment.approval-rate=1.5")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("approval-rate must be between 0 and 1"));
        properties.withPropertyValues("orderflow.payment.technical-failure-rate=-0.1")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("technical-failure-rate must be between 0 and 1"));
    }

    @Test
    void refusesToStartWithNegativeRetriesOrDurations() {
        properties.withPropertyValues("orderflow.payment.technical-retries=-1")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("technical-retries must be 0 or more"));
        properties.withPropertyValues("orderflow.payment.latency=-1s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("latency must be a duration of 0 or more"));
    }
}

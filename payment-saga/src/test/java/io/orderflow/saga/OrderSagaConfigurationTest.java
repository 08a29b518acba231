package io.orderflow.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.spring.saga.SpringResourceInjector;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(OutputCaptureExtension.class)
class OrderSagaConfigurationTest {

    // Boot's conversion service turns "PT30S" into a Duration, as in the running application
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withBean(CommandBus.class, () -> SimpleCommandBus.builder().build())
            .withUserConfiguration(OrderSagaConfiguration.class);

    @Test
    void waitsThirtySecondsForPaymentByDefault() {
        contextRunner.run(context -> assertThat(context.getBean(OrderSagaSettings.class))
                .isEqualTo(new OrderSagaSettings(Duration.ofSeconds(30))));
    }

    @Test
    void takesItsPaymentTimeoutFromConfiguration() {
        contextRunner.withPropertyValues("orderflow.saga.payment-timeout=PT2M")
                .run(context -> assertThat(context.getBean(OrderSagaSettings.class))
                        .isEqualTo(new OrderSagaSettings(Duration.ofMinutes(2))));
    }

    @Test
    void refusesToStartWithANegativePaymentTimeout() {
        contextRunner.withPropertyValues("orderflow.saga.payment-timeout=-PT1S")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("payment timeout must be positive"));
    }

    @Test
    void waitsFifteenMinutesInAllForAPaymentByDefault() {
        contextRunner.run(context -> assertThat(context.getBean(OrderSagaSettings.class).paymentMaxWait())
                .isEqualTo(Duration.ofMinutes(15)));
    }

    @Test
    void takesItsPaymentMaxWaitFromConfiguration() {
        contextRunner.withPropertyValues("orderflow.saga.payment-max-wait=PT40M", "orderflow.inventory.reservation-ttl=PT45M")
                .run(context -> assertThat(context.getBean(OrderSagaSettings.class))
                        .isEqualTo(new OrderSagaSettings(Duration.ofSeconds(30), Duration.ofMinutes(40))));
    }

    @Test
    void refusesToStartWithAPaymentMaxWaitShorterThanThePaymentTimeout() {
        contextRunner.withPropertyValues("orderflow.saga.payment-timeout=PT2M", "orderflow.saga.payment-max-wait=PT1M")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("must not be shorter than its payment timeout"));
    }

    @Test
    void startsWithAWarningWhenReservationsWouldExpireBeforeThePaymentMaxWait(CapturedOutput output) {
        contextRunner.withPropertyValues("orderflow.inventory.reservation-ttl=PT15M")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains("orderflow.inventory.reservation-ttl (PT15M) is not longer than orderflow.saga.payment-max-wait (PT15M)");
    }

    @Test
    void startsWithoutAWarningWhenReservationsOutliveThePaymentMaxWait(CapturedOutput output) {
        contextRunner.withPropertyValues("orderflow.inventory.reservation-ttl=PT20M")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output).doesNotContain("orderflow.inventory.reservation-ttl");
    }

    @Test
    void suppliesTheSagaWithItsResourcesThroughAxonsSpringResourceInjector() {
        DeadlineManager deadlineManager = new StubDeadlineManager();
        contextRunner.withBean(DeadlineManager.class, () -> deadlineManager)
                .withBean(PaymentChannel.class, () -> PaymentChannel.ALWAYS_OPEN)
                .run(context -> {
                    SpringResourceInjector injector = new SpringResourceInjector();
                    injector.setApplicationContext(context.getSourceApplicationContext());
                    OrderSaga saga = new OrderSaga();

                    injector.injectResources(saga);

                    assertThat(saga).extracting("commands").isSameAs(context.getBean(SagaCommands.class));
                    assertThat(saga).extracting("deadlineManager").isSameAs(deadlineManager);
                    assertThat(saga).extracting("settings").isEqualTo(context.getBean(OrderSagaSettings.class));
                    assertThat(saga).extracting("paymentChannel").isSameAs(PaymentChannel.ALWAYS_OPEN);
                });
    }
}

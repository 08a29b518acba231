package io.orderflow.stucksagas;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.axon.ParkedSagaEvents;
import io.orderflow.saga.OrderSaga;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order saga's processor parks a step that keeps failing ({@link SagaStepParking}, as its error handler and
 * interceptor); the console's handlers; and the gauge of stuck order processes, {@code orderflow.saga.parked}.
 */
@Configuration(proxyBeanMethods = false)
public class StuckSagaConfiguration {

    static final String PARKED_GAUGE = "orderflow.saga.parked";

    @Bean
    StuckSagaSettings stuckSagaSettings(@Value("${orderflow.saga.parking.max-attempts:3}") int maxAttempts,
                                        @Value("${orderflow.saga.parking.back-off:PT0.5S}") Duration backOff) {
        return new StuckSagaSettings(maxAttempts, backOff);
    }

    @Bean
    SagaStepParking sagaStepParking(ParkedSagaEvents parked, StuckSagaSettings settings, TransactionManager transactionManager,
                                    TokenStore tokenStore) {
        return new SagaStepParking(OrderSaga.PROCESSING_GROUP, parked, settings, transactionManager, tokenStore,
                SagaStepParking.Sleeper.threadSleep());
    }

    @Bean
    ConfigurerModule orderSagaParksFailingSteps(SagaStepParking parking) {
        String group = OrderSaga.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerErrorHandler(group, configuration -> {
                    parking.bind(() -> configuration.eventProcessingConfiguration().sagaConfiguration(OrderSaga.class).manager(),
                            () -> configuration.eventProcessingConfiguration()
                                    .eventProcessor(group, StreamingEventProcessor.class).orElseThrow(),
                            configuration::correlationDataProviders);
                    return parking.errorHandler();
                })
                .registerHandlerInterceptor(group, configuration -> parking.interceptor()));
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService stuckSagaExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stuck-saga");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    StuckSagaOperations stuckSagaOperations(ParkedSagaEvents parked, SagaStepParking parking, CommandGateway commandGateway,
                                            TransactionManager transactionManager, ExecutorService stuckSagaExecutor) {
        return new StuckSagaOperations(parked, parking, commandGateway, transactionManager, stuckSagaExecutor);
    }

    /** Order processes with a parked step: anything above zero needs a person (docs/operations.md). */
    @Bean
    Gauge parkedSagasGauge(MeterRegistry registry, ParkedSagaEvents parked) {
        return Gauge.builder(PARKED_GAUGE, parked, events -> events.countStuck(OrderSaga.PROCESSING_GROUP))
                .description("Order processes whose step kept failing and is parked, waiting for a retry or a resolution")
                .register(registry);
    }
}

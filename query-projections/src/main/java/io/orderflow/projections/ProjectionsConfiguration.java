package io.orderflow.projections;

import io.orderflow.platform.db.SchemaMigration;
import io.orderflow.platform.axon.DeadLetterQueues;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The query-projections module as one import: its schema and migrations, how its processors treat a
 * failing event, and (by scanning its feature packages) the package-private projections, query handlers
 * and operations.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ProjectionsConfiguration {

    private static final String SCHEMA = "projections";

    /** The processing groups of the read models; each is also the name of its processor and of its read model. */
    static final List<String> READ_MODELS = List.of("order-details", "product-catalogue");

    @Bean
    public SchemaMigration projectionsSchemaMigration() {
        return new SchemaMigration(SCHEMA, "classpath:db/migration/" + SCHEMA);
    }

    /**
     * A read-model event whose handler fails is parked with the rest of its aggregate's events, and the
     * processor goes on with every other aggregate: one bad order must not freeze every order's status.
     * Axon parks only an error that reaches the processor, so the handler errors propagate. Whether an
     * aggregate has parked events is remembered per segment instead of asked of the queue for every event: a
     * query per event and read model otherwise (the queue is still asked for an aggregate that may be parked).
     */
    @Bean
    ConfigurerModule readModelsParkFailingEvents(DeadLetterQueues deadLetterQueues) {
        return configurer -> configurer.eventProcessing(processing -> READ_MODELS.forEach(readModel -> processing
                .registerListenerInvocationErrorHandler(readModel, configuration -> PropagatingErrorHandler.instance())
                .registerDeadLetterQueue(readModel, configuration -> deadLetterQueues.forProcessingGroup(readModel))
                .registerDeadLetteringEventHandlerInvokerConfiguration(readModel,
                        (configuration, invoker) -> invoker.enableSequenceIdentifierCache())));
    }
}

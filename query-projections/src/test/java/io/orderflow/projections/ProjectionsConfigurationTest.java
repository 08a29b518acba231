package io.orderflow.projections;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.projections.readmodel.ReadModel;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Every read model can park a failing event, and its processor lets handler errors reach the queue. */
@SpringBootTest
class ProjectionsConfigurationTest {

    @Autowired List<ReadModel> readModels;
    @Autowired EventProcessingConfiguration processing;

    @Test
    void everyReadModelHasADeadLetterQueueAndPropagatesHandlerErrors() {
        assertThat(readModels).extracting(ReadModel::name).containsExactlyInAnyOrderElementsOf(ProjectionsConfiguration.READ_MODELS);
        for (ReadModel readModel : readModels) {
            assertThat(processing.deadLetterQueue(readModel.name())).as(readModel.name()).isPresent();
            assertThat(processing.listenerInvocationErrorHandler(readModel.name())).isInstanceOf(PropagatingErrorHandler.class);
        }
    }
}

package io.orderflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A production service carries no embedded broker: started without bootstrap servers, it fails and says what to set. */
class KafkaTopicsTest {

    @Test
    void noBootstrapServersFailsWithWhatToSet() {
        assertThatThrownBy(() -> KafkaTopics.provision(new KafkaSettings(null, 1, (short) 1, List.of("orders.events"), Duration.ofSeconds(10))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orderflow.kafka.bootstrap-servers (ORDERFLOW_KAFKA_BOOTSTRAP_SERVERS) is not set");
    }
}

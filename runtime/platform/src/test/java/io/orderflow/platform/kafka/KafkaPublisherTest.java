package io.orderflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record no broker takes fails as the broker being away, which its senders retry instead of blaming the record. */
class KafkaPublisherTest {

    @Test
    void aRecordNoBrokerAcknowledgesFailsAsTheBrokerBeingAway() {
        // nothing listens on port 1: the producer waits for metadata until the send timeout
        KafkaSettings nowhere = new KafkaSettings("127.0.0.1:1", 1, (short) 1, List.of(), Duration.ofSeconds(10));
        try (KafkaPublisher publisher = new KafkaPublisher(nowhere, Duration.ofSeconds(1))) {
            Throwable failure = catchThrowable(() -> publisher.sendJsonAndWait("payments.requests", "key", Map.of("a", 1), Map.of()));

            assertThat(failure).isInstanceOf(KafkaUnavailableException.class).hasMessageContaining("payments.requests");
            assertThat(KafkaUnavailableException.isCauseOf(new IllegalStateException(failure))).isTrue();
        }
    }
}

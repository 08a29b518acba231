package io.orderflow.platform.kafka;

import java.util.Map;

/** A record as consumers see it: the adapter's own type, so no handler depends on Kafka's classes. */
public record KafkaMessage(String topic, int partition, long offset, String key, byte[] value, Map<String, String> headers) {

    public KafkaMessage {
        headers = Map.copyOf(headers);
    }
}

package io.orderflow.platform.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** JSON for Kafka payloads. Unknown fields are tolerated (a newer producer may add fields); broken JSON is poison. */
public final class KafkaJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private KafkaJson() {
    }

    public static byte[] write(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + payload.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(KafkaMessage message, Class<T> type) {
        if (message.value() == null) {
            throw new PoisonMessageException("Empty message on " + message.topic());
        }
        try {
            return MAPPER.readValue(message.value(), type);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new PoisonMessageException("Not a valid " + type.getSimpleName() + ": " + reason, e);
        }
    }
}

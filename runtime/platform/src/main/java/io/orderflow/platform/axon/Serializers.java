package io.orderflow.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon 4's Jackson serializer needs Jackson 2, while Boot 4's web layer runs on Jackson 3; these mappers
 * are Axon's own. Messages are records and serialize through their accessors; sagas and snapshotted
 * aggregates are plain objects and serialize through their fields (STACK-NOTES, trap 10).
 */
public final class Serializers {

    private Serializers() {
    }

    /**
     * For events, commands and queries: records, unknown properties tolerated so old readers survive new fields.
     * Upcasters see a stored payload as a tree of this mapper: its decimals stay exact ({@code 34.90}, not
     * {@code 34.9}), so an upcast payload keeps the amounts it was stored with.
     */
    public static Serializer forMessages() {
        ObjectMapper mapper = baseMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    /** For sagas, snapshots, tokens and dead letters: object state read and written through fields. */
    public static Serializer forState() {
        ObjectMapper mapper = baseMapper()
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    private static ObjectMapper baseMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}

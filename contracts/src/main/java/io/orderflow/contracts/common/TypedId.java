package io.orderflow.contracts.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * What the typed ids ({@link OrderId}, {@link ProductId}, {@link CustomerId}, {@link PaymentId}) share: a
 * non-blank string, serialized as that plain string (stored events, sagas and Kafka payloads hold ids so, and
 * their form never changes), and shown as it by {@code toString()}, which Axon takes as the aggregate id of a
 * target identifier. Records cannot extend a base class; they implement this interface, whose
 * {@link JsonValue} Jackson applies to each record's accessor, and use its two checks.
 */
public interface TypedId {

    @JsonValue
    String value();

    /** The value of a new {@code type}: present and not blank. */
    static String requireValid(String value, Class<? extends TypedId> type) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException(type.getSimpleName() + " must not be blank");
        }
        return value;
    }

    /** The value of a new id that is not derived from another: a random UUID. */
    static String randomValue() {
        return UUID.randomUUID().toString();
    }
}

package io.orderflow.contracts.common;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Identifies a customer. Serialized as its plain string value ({@link TypedId}). */
public record CustomerId(String value) implements TypedId {

    public CustomerId {
        TypedId.requireValid(value, CustomerId.class);
    }

    @JsonCreator
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    public static CustomerId random() {
        return new CustomerId(TypedId.randomValue());
    }

    /** Axon uses {@code toString()} of a target identifier as the aggregate id. */
    @Override
    public String toString() {
        return value;
    }
}

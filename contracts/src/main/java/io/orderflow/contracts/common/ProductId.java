package io.orderflow.contracts.common;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Identifies a product, which is also the id of its Inventory aggregate. Serialized as its plain string value ({@link TypedId}). */
public record ProductId(String value) implements TypedId {

    public ProductId {
        TypedId.requireValid(value, ProductId.class);
    }

    @JsonCreator
    public static ProductId of(String value) {
        return new ProductId(value);
    }

    public static ProductId random() {
        return new ProductId(TypedId.randomValue());
    }

    /** Axon uses {@code toString()} of a target identifier as the aggregate id. */
    @Override
    public String toString() {
        return value;
    }
}

package io.orderflow.contracts.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies an order. Serialized as its plain string value ({@link TypedId}). */
public record OrderId(String value) implements TypedId {

    public OrderId {
        TypedId.requireValid(value, OrderId.class);
    }

    @JsonCreator
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    public static OrderId random() {
        return new OrderId(TypedId.randomValue());
    }

    /**
     * The id of the order a customer places with an {@code Idempotency-Key}: the same for the same customer and
     * key, always, and never one that {@link #random()} gives (a name-based UUID, version 3, where random ones are
     * version 4). The event store's unique stream per id is then what lets such an order be placed only once.
     */
    public static OrderId forIdempotencyKey(CustomerId customer, String idempotencyKey) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        // the customer's length first: no other customer and key make the same name
        String name = "orderflow/order/" + customer.value().length() + ":" + customer.value() + "/" + idempotencyKey;
        return new OrderId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** Axon uses {@code toString()} of a target identifier as the aggregate id. */
    @Override
    public String toString() {
        return value;
    }
}

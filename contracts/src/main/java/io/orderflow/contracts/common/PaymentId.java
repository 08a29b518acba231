package io.orderflow.contracts.common;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Identifies one payment attempt; the payment service charges a payment id at most once. Serialized as its plain string value ({@link TypedId}). */
public record PaymentId(String value) implements TypedId {

    public PaymentId {
        TypedId.requireValid(value, PaymentId.class);
    }

    @JsonCreator
    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    /**
     * The payment of an order. Derived, not random: whoever asks for it again (a retried saga step, the
     * outbox voiding it) names the same payment, and the payment service charges it at most once.
     */
    public static PaymentId forOrder(OrderId orderId) {
        return new PaymentId(orderId.value() + ":payment");
    }

    public static PaymentId random() {
        return new PaymentId(TypedId.randomValue());
    }

    /** Axon uses {@code toString()} of a target identifier as the aggregate id. */
    @Override
    public String toString() {
        return value;
    }
}

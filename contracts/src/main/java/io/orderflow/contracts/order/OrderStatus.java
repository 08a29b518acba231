package io.orderflow.contracts.order;

/** Where an order stands. {@code CANCELLED} always carries a {@link CancellationReason}. */
public enum OrderStatus {
    PENDING,
    AWAITING_PAYMENT,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    public boolean isTerminal() {
        return this == DELIVERED || this == CANCELLED;
    }
}

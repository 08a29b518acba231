package io.orderflow.contracts.order;

import io.orderflow.contracts.common.CustomerId;
import java.time.Instant;
import java.util.Set;

/**
 * Asks for one page of orders, newest first (by creation time, then order id, so that the order is stable
 * across pages); answered with an {@link OrderPageView}. Every filter is optional: {@code customerId}
 * null means every customer, {@code statuses} empty means any status, {@code from} (inclusive) and
 * {@code to} (exclusive) bound the time the order was placed. {@code page} counts from 0.
 * <p>
 * As a subscription query its updates are the {@link OrderView} of each order of {@code customerId} that
 * changed (of every customer when {@code customerId} is null), whatever the other filters.
 */
public record FindOrdersQuery(CustomerId customerId, Set<OrderStatus> statuses, Instant from, Instant to, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public FindOrdersQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    /** The newest orders of every customer, any status. */
    public static FindOrdersQuery newest(int size) {
        return new FindOrdersQuery(null, Set.of(), null, null, 0, size);
    }

    /** The newest orders of one customer, any status. */
    public static FindOrdersQuery ofCustomer(CustomerId customerId, int size) {
        return new FindOrdersQuery(customerId, Set.of(), null, null, 0, size);
    }
}

package io.orderflow.auditor;

import io.orderflow.contracts.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One order as its events tell it: its status, total and the moments that its deadline and grace are
 * measured from. {@code lastActivity} is its latest event, of the order or of the stock held for it.
 */
record OrderFacts(String orderId, OrderStatus status, BigDecimal total, String currency, Instant placedAt,
                  Instant statusSince, Instant lastActivity) {

    /** The statuses that mean "paid and kept": its charge must stay. */
    static final Set<OrderStatus> CONFIRMED = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
    /**
     * The statuses in which the order process is over and the saga has ended (or is about to): shipped
     * (its stock was committed before), delivered, cancelled (its stock given back). A CONFIRMED order is
     * not finished: its saga waits for it to ship, or for the customer to cancel it.
     */
    static final Set<OrderStatus> FINISHED = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED);
    /** The statuses that the system moves on by itself, within the payment deadline. */
    static final Set<OrderStatus> IN_PROGRESS = EnumSet.of(OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT);

    boolean isConfirmed() {
        return CONFIRMED.contains(status);
    }

    boolean isFinished() {
        return FINISHED.contains(status);
    }

    boolean isInProgress() {
        return IN_PROGRESS.contains(status);
    }

    OrderFacts withStatus(OrderStatus newStatus, Instant at) {
        return new OrderFacts(orderId, newStatus, total, currency, placedAt, at, later(at));
    }

    OrderFacts touchedAt(Instant at) {
        return new OrderFacts(orderId, status, total, currency, placedAt, statusSince, later(at));
    }

    private Instant later(Instant at) {
        return lastActivity == null || at.isAfter(lastActivity) ? at : lastActivity;
    }
}

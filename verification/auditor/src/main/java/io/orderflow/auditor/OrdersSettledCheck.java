package io.orderflow.auditor;

import io.orderflow.contracts.order.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every accepted order has settled, or is still within its deadline. Settled means the system has
 * nothing more to do by itself: CANCELLED or DELIVERED (terminal), or CONFIRMED or SHIPPED (waiting
 * for the warehouse or the carrier, which no deadline covers). PENDING and AWAITING_PAYMENT orders are
 * moved on by the saga within the payment timeout: the payment deadline counts from
 * {@code OrderAwaitingPayment}, and a PENDING order, whose reservations take a moment, gets the same
 * time from {@code OrderPlaced}. Past that plus the grace, such an order is stuck.
 */
final class OrdersSettledCheck implements AuditCheck {

    static final String NAME = "orders-settled";

    @Override
    public CheckResult run(AuditedState state) {
        List<Violation> violations = new ArrayList<>();
        long inFlight = 0;
        for (OrderFacts order : state.orders()) {
            if (!order.isInProgress()) {
                continue;
            }
            Instant since = order.status() == OrderStatus.PENDING ? order.placedAt() : order.statusSince();
            Instant deadline = since.plus(state.paymentTimeout());
            if (state.settledSince(deadline)) {
                violations.add(new Violation(NAME, order.orderId(), order.status() + " since " + since
                        + ", its payment deadline passed at " + deadline));
            } else {
                inFlight++;
            }
        }
        return new CheckResult(NAME, "every accepted order is settled, or still within its payment deadline",
                state.orders().size() + " orders " + state.countByStatus() + "; " + inFlight + " in progress within "
                        + state.paymentTimeout() + " + grace " + state.grace(),
                violations);
    }
}

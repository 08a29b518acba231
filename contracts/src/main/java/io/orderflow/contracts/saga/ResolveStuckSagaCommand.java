package io.orderflow.contracts.saga;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.CancellationReason;
import java.util.Objects;

/**
 * Resolve a stuck order process by compensating: the order is cancelled with {@code reason} and
 * {@code detail}, the failing step is dropped for good, and the process, handed its other parked events and
 * then the cancellation, gives back what the order holds (releases or returns its stock, voids or refunds its
 * payment). A confirmed order is cancelled only for {@code OUT_OF_STOCK} or {@code CUSTOMER_REQUEST}. Answered
 * with a {@link StuckSagaResolutionView}; refused with {@code STUCK_SAGA_NOT_FOUND} when the order's process is
 * not stuck, and with the order's own codes ({@code ORDER_ALREADY_SHIPPED}) when it cannot be cancelled.
 */
public record ResolveStuckSagaCommand(OrderId orderId, CancellationReason reason, String detail) {

    public ResolveStuckSagaCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
    }
}

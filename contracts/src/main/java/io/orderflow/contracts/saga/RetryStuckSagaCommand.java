package io.orderflow.contracts.saga;

import io.orderflow.contracts.common.OrderId;
import java.util.Objects;

/**
 * Hand the parked events of the order's process to it again, the failing one first, once the cause is fixed.
 * All of them go through, and the process goes on by itself; or the failing one fails again and they all stay
 * parked, with one more attempt and the new error. Answered with a {@link StuckSagaRetryView}; refused with
 * {@code STUCK_SAGA_NOT_FOUND} when the order's process is not stuck.
 */
public record RetryStuckSagaCommand(OrderId orderId) {

    public RetryStuckSagaCommand {
        Objects.requireNonNull(orderId, "orderId");
    }
}

package io.orderflow.contracts.saga;

import io.orderflow.contracts.common.OrderId;
import java.util.Objects;

/** Asks for the stuck process of one order; answered with a {@link StuckSagaDetailView}, or null when it is not stuck. */
public record FindStuckSagaQuery(OrderId orderId) {

    public FindStuckSagaQuery {
        Objects.requireNonNull(orderId, "orderId");
    }
}

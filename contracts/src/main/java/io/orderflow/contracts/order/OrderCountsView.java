package io.orderflow.contracts.order;

import java.util.Map;

/**
 * How many orders there are in all ({@code total}), in each status ({@code byStatus}, every status present,
 * zero included) and, of the cancelled ones, for each reason ({@code byCancellationReason}, every reason
 * present).
 */
public record OrderCountsView(long total, Map<OrderStatus, Long> byStatus, Map<CancellationReason, Long> byCancellationReason) {

    public OrderCountsView {
        byStatus = Map.copyOf(byStatus);
        byCancellationReason = Map.copyOf(byCancellationReason);
    }
}

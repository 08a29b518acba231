package io.orderflow.contracts.saga;

import io.orderflow.contracts.order.CancellationReason;

/**
 * What a resolution did: the order was asked to cancel with {@code reason}, the failing step
 * ({@code droppedStep}, the type of its event) was dropped, and {@code redelivered} other parked events were
 * handed to the process; {@code remaining} stay parked (a later one failed too, see the console).
 */
public record StuckSagaResolutionView(String orderId, CancellationReason reason, String droppedStep, int redelivered, int remaining) {
}

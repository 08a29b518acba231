package io.orderflow.contracts.saga;

/**
 * What a retry did: whether the parked events went through ({@code handled} of them), and otherwise the
 * process as it stays parked ({@code stillStuck}, with the new error; null when it went through).
 */
public record StuckSagaRetryView(String orderId, boolean succeeded, int handled, StuckSagaView stillStuck) {
}

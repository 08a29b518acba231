package io.orderflow.contracts.order;

/** Asks how many orders there are, by status and by cancellation reason; answered with an {@link OrderCountsView}. */
public record CountOrdersQuery() {
}

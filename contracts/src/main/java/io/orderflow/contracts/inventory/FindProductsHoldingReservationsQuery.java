package io.orderflow.contracts.inventory;

/** The ids of the products whose stock is partly reserved, answered as a list of strings. */
public record FindProductsHoldingReservationsQuery() {
}

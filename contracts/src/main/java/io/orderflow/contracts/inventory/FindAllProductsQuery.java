package io.orderflow.contracts.inventory;

/** Asks for the whole catalogue, ordered by name; answered with a list of {@link ProductView}. */
public record FindAllProductsQuery() {
}

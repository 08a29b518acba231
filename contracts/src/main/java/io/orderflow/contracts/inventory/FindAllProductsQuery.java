package io.orderflow.contracts.inventory;

/**
 * Asks for the whole catalogue, ordered by name; answered with a list of {@link ProductView}. As a
 * subscription query its updates are the {@link ProductView} of each product whose stock or price changed.
 */
public record FindAllProductsQuery() {
}

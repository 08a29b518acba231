package io.orderflow.contracts.operations;

/** Asks for every read model of the query side; answered with a list of {@link ReadModelView}. */
public record FindReadModelsQuery() {
}

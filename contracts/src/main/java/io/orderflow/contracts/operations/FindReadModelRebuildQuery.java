package io.orderflow.contracts.operations;

/** Asks how a replay or verification of {@code readModel} is going; answered with a {@link ReadModelRebuildView}, or null. */
public record FindReadModelRebuildQuery(String readModel, String rebuildId) {
}

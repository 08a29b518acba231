package io.orderflow.contracts.saga;

/** Asks for the stuck order processes, at most {@link #LIMIT}; answered with a {@link StuckSagasView}. */
public record FindStuckSagasQuery() {

    public static final int LIMIT = 100;
}

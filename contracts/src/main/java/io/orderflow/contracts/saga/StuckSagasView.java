package io.orderflow.contracts.saga;

import java.util.List;

/** The stuck order processes, the longest parked first. */
public record StuckSagasView(List<StuckSagaView> sagas) {

    public StuckSagasView {
        sagas = List.copyOf(sagas);
    }
}

package io.orderflow.contracts.saga;

import java.util.List;

/** One stuck order process and its parked events, the failing one first. */
public record StuckSagaDetailView(StuckSagaView saga, List<ParkedEventView> parkedEvents) {

    public StuckSagaDetailView {
        parkedEvents = List.copyOf(parkedEvents);
    }
}

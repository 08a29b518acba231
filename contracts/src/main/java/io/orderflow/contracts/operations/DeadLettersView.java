package io.orderflow.contracts.operations;

import java.util.List;

/** Parked sequences, grouped by processing group and sequence (the aggregate id), oldest letter first. */
public record DeadLettersView(List<DeadLetterSequenceView> sequences) {

    public DeadLettersView {
        sequences = List.copyOf(sequences);
    }
}

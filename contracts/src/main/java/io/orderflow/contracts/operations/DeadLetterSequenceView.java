package io.orderflow.contracts.operations;

import java.util.List;

/**
 * One parked sequence: the events of one aggregate that a processing group could not handle, the first
 * because its handler failed and the others because they came after it.
 */
public record DeadLetterSequenceView(String processingGroup, String sequenceId, List<DeadLetterView> letters) {

    public DeadLetterSequenceView {
        letters = List.copyOf(letters);
    }
}

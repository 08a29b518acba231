package io.orderflow.contracts.operations;

import java.util.List;

/**
 * One parked sequence: the events of one aggregate that a processing group could not handle, the first
 * because its handler failed and the others because they came after it. {@code size} counts them all;
 * {@code letters} shows the oldest of them.
 */
public record DeadLetterSequenceView(String processingGroup, String sequenceId, long size, List<DeadLetterView> letters) {

    public DeadLetterSequenceView {
        letters = List.copyOf(letters);
    }
}

package io.orderflow.contracts.operations;

import java.util.Objects;

/**
 * Rebuild read model {@code readModel} from the event store into fresh tables while the live one keeps
 * serving, compare the two at the same position, then switch to the rebuilt one. With
 * {@code requireIdentical} any difference aborts the switch. Answered at once with the id of the rebuild
 * ({@link FindReadModelRebuildQuery}); the work goes on in the background.
 */
public record ReplayReadModelCommand(String readModel, boolean requireIdentical) {

    public ReplayReadModelCommand {
        Objects.requireNonNull(readModel, "readModel");
    }
}

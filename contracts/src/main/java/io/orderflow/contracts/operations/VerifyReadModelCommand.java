package io.orderflow.contracts.operations;

import java.util.Objects;

/**
 * Rebuild read model {@code readModel} from the event store into scratch tables and compare it row by row
 * with the live one at the same position; the live one is never changed. Answered at once with the id of
 * the rebuild ({@link FindReadModelRebuildQuery}), whose view carries the differences when it completes.
 */
public record VerifyReadModelCommand(String readModel) {

    public VerifyReadModelCommand {
        Objects.requireNonNull(readModel, "readModel");
    }
}

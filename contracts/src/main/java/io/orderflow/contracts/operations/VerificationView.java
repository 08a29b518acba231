package io.orderflow.contracts.operations;

import java.util.List;

/**
 * The row-by-row comparison of a rebuilt read model with the live one at the same position.
 * {@code differenceCount} counts all differing rows; {@code differences} shows the first of them.
 */
public record VerificationView(long rowsCompared, long differenceCount, List<RowDifferenceView> differences) {

    public VerificationView {
        differences = List.copyOf(differences);
    }

    public boolean identical() {
        return differenceCount == 0;
    }
}

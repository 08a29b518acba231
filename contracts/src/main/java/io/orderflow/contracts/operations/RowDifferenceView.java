package io.orderflow.contracts.operations;

import java.util.List;
import java.util.Map;

/**
 * One row that differs: its table and key, the columns whose values differ, and the row as the live read
 * model and as the rebuild hold it (null where the row is missing).
 */
public record RowDifferenceView(
        String table, Map<String, Object> key, List<String> columns, Map<String, Object> live, Map<String, Object> rebuilt) {
}

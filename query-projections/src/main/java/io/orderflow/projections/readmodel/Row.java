package io.orderflow.projections.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of a read model, whatever the driver: a column by name, as a type. Queries read over R2DBC
 * ({@code row::get}); projections read what they just wrote over JDBC ({@link #of(ResultSet)}), to tell
 * subscribers. Both map through the same code, so both answer the same view.
 */
@FunctionalInterface
public interface Row {

    <T> T get(String column, Class<T> type);

    static Row of(ResultSet resultSet) {
        return new Row() {
            @Override
            public <T> T get(String column, Class<T> type) {
                try {
                    return resultSet.getObject(column, type);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read column " + column, e);
                }
            }
        };
    }
}

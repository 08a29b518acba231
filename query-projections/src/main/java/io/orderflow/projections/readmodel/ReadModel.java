package io.orderflow.projections.readmodel;

import java.util.List;
import java.util.Objects;

/**
 * A read model as the operations on it see it: its name (also the name of its processing group and of
 * the event processor that keeps it), the object whose event handlers build it, and its tables, each
 * with the columns of its primary key, parents before children.
 */
public record ReadModel(String name, Object projection, List<Table> tables) {

    public ReadModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projection, "projection");
        tables = List.copyOf(tables);
    }

    /** A table by its reader-facing name, and the columns that identify a row. */
    public record Table(String name, List<String> key) {

        public Table {
            key = List.copyOf(key);
        }

        public static Table of(String name, String... key) {
            return new Table(name, List.of(key));
        }
    }
}

package io.orderflow.projections.readmodel;

/** Generation {@code number} of read model {@code readModel}: its tables are {@code projections.<table>_g<number>}. */
public record Generation(String readModel, int number) {

    static final String SCHEMA = "projections";

    /** The qualified name of table {@code table} (as readers know it, e.g. {@code order_view}) in this generation. */
    public String table(String table) {
        return SCHEMA + "." + table + "_g" + number;
    }
}

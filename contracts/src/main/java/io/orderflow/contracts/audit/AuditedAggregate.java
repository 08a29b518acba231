package io.orderflow.contracts.audit;

/** The aggregates whose event timeline can be read, with the aggregate type their events are stored under. */
public enum AuditedAggregate {
    ORDER("Order"),
    PRODUCT("Inventory");

    private final String aggregateType;

    AuditedAggregate(String aggregateType) {
        this.aggregateType = aggregateType;
    }

    public String aggregateType() {
        return aggregateType;
    }
}

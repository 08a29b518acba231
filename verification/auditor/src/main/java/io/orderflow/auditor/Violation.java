package io.orderflow.auditor;

/**
 * One broken invariant: the check that found it, the id of what breaks it (an order, a product, an
 * aggregate, a read-model row) and what is wrong with it.
 */
public record Violation(String check, String id, String detail) {

    @Override
    public String toString() {
        return id + ": " + detail;
    }
}

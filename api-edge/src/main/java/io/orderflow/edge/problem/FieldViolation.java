package io.orderflow.edge.problem;

/** One invalid input field, as it appears in a problem document's {@code errors}. */
public record FieldViolation(String field, String message) {
}

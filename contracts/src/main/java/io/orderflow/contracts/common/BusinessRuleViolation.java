package io.orderflow.contracts.common;

import java.util.Objects;

/**
 * Thrown by a command handler that refuses a command. Carries a stable {@link ErrorCode}, so the edge
 * never has to guess a status from a message text.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode code;

    public BusinessRuleViolation(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}

package io.orderflow.auditor;

import java.util.List;

/** What one check looked at ({@code summary}, counts for the report) and what it found broken. */
public record CheckResult(String check, String description, String summary, List<Violation> violations) {

    public CheckResult {
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }
}

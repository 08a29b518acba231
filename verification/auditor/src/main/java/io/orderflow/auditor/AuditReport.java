package io.orderflow.auditor;

import java.time.Instant;
import java.util.List;

/** The outcome of one audit: every check, in the order they ran, with what each counted and found. */
public final class AuditReport {

    private final Instant auditedAt;
    private final String database;
    private final List<CheckResult> results;
    private final int shownPerCheck;

    AuditReport(Instant auditedAt, String database, List<CheckResult> results, int shownPerCheck) {
        this.auditedAt = auditedAt;
        this.database = database;
        this.results = List.copyOf(results);
        this.shownPerCheck = shownPerCheck;
    }

    /** Whether no check found a violation. */
    public boolean clean() {
        return results.stream().allMatch(CheckResult::passed);
    }

    /** Every violation of every check. */
    public List<Violation> violations() {
        return results.stream().flatMap(result -> result.violations().stream()).toList();
    }

    /** The violations that check {@code check} (e.g. {@value EventSequenceCheck#NAME}) found. */
    public List<Violation> violationsOf(String check) {
        return violations().stream().filter(violation -> violation.check().equals(check)).toList();
    }

    /** The names of the checks that found a violation. */
    public List<String> failedChecks() {
        return results.stream().filter(result -> !result.passed()).map(CheckResult::check).toList();
    }

    public List<CheckResult> results() {
        return results;
    }

    /** The report for a person: each check, what it counted, PASS or FAIL, and the first offending ids. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("orderflow audit of ").append(database).append(" at ").append(auditedAt).append('\n');
        for (CheckResult result : results) {
            out.append(String.format("%n[%s] %s: %s%n", result.passed() ? "PASS" : "FAIL", result.check(), result.description()));
            out.append("       ").append(result.summary()).append('\n');
            List<Violation> violations = result.violations();
            violations.stream().limit(shownPerCheck)
                    .forEach(violation -> out.append("       - ").append(violation).append('\n'));
            if (violations.size() > shownPerCheck) {
                out.append("       ... and ").append(violations.size() - shownPerCheck).append(" more\n");
            }
        }
        long failed = results.stream().filter(result -> !result.passed()).count();
        out.append(String.format("%n%s: %d checks, %d failed, %d violations%n",
                failed == 0 ? "CLEAN" : "VIOLATIONS", results.size(), failed, violations().size()));
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}

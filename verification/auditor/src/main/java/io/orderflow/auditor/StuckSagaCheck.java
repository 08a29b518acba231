package io.orderflow.auditor;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No order process is stuck: a saga step that kept failing is parked in {@code axon.parked_saga_event} with the
 * order's later events, and waits for a person (the stuck-saga console, {@code /api/admin/sagas}). Every parked
 * order is a violation, with its failing step, attempts and last error; the grace does not apply, as a parked step
 * never moves by itself.
 */
final class StuckSagaCheck implements AuditCheck {

    static final String NAME = "stuck-sagas";

    private final JdbcTemplate jdbc;

    StuckSagaCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CheckResult run(AuditedState state) {
        List<Violation> violations = new ArrayList<>();
        jdbc.query("""
                        SELECT DISTINCT ON (processing_group, sequence_id) processing_group, sequence_id, reason, attempts,
                               payload_type, cause_message, count(*) OVER (PARTITION BY processing_group, sequence_id) AS parked
                          FROM axon.parked_saga_event
                         ORDER BY processing_group, sequence_id, id""",
                row -> {
                    String payloadType = row.getString("payload_type");
                    violations.add(new Violation(NAME, row.getString("sequence_id"), "%s step %s parked (%s after %d attempts, %d events): %s"
                            .formatted(row.getString("processing_group"), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                                    row.getString("reason"), row.getInt("attempts"), row.getInt("parked"), row.getString("cause_message"))));
                });
        return new CheckResult(NAME, "no order process is stuck with a parked step",
                violations.size() + " stuck order processes", violations);
    }
}

package io.orderflow.auditor;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each aggregate's events are numbered 0, 1, 2, ... without a gap. The store's unique key already
 * forbids a number twice, so a first number of 0 and a last one of count - 1 mean no gap.
 */
final class EventSequenceCheck implements AuditCheck {

    static final String NAME = "event-sequences";

    private final JdbcTemplate jdbc;

    EventSequenceCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CheckResult run(AuditedState state) {
        List<Violation> violations = jdbc.query("""
                        SELECT aggregate_identifier, max(type) AS type, count(*) AS events,
                               min(sequence_number) AS first, max(sequence_number) AS last
                          FROM axon.domain_event_entry
                         GROUP BY aggregate_identifier
                        HAVING min(sequence_number) <> 0 OR max(sequence_number) <> count(*) - 1
                         ORDER BY aggregate_identifier""",
                (row, index) -> new Violation(NAME, row.getString("aggregate_identifier"),
                        row.getString("type") + " has " + row.getLong("events") + " events numbered "
                                + row.getLong("first") + ".." + row.getLong("last")));
        Long aggregates = jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM axon.domain_event_entry", Long.class);
        Long events = jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
        return new CheckResult(NAME, "each aggregate's sequence numbers have no gaps",
                aggregates + " aggregates, " + events + " events", violations);
    }
}

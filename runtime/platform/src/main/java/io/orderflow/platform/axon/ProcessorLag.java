package io.orderflow.platform.axon;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far each tracking processor is behind the head of the event store, read from the token store: the
 * head is the highest global index, a processor's position that of its slowest segment. Works across
 * nodes (the tokens are shared) and needs no processor to run in this JVM.
 */
public final class ProcessorLag {

    private final JdbcTemplate jdbc;

    public ProcessorLag(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The highest global index in the event store, 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM axon.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** Each processor's position: the lowest index any of its segments has handled (0 before the first). */
    public Map<String, Long> positions() {
        Map<String, Long> positions = new LinkedHashMap<>();
        jdbc.query("SELECT processor_name, min(coalesce("
                        + "(convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, "
                        + "(convert_from(token, 'UTF8')::jsonb -> 'tokenAtReset' ->> 'index')::bigint, 0)) AS position "
                        + "FROM axon.token_entry WHERE token IS NOT NULL GROUP BY processor_name ORDER BY processor_name",
                row -> {
                    positions.put(row.getString("processor_name"), row.getLong("position"));
                });
        return positions;
    }

    /**
     * When the oldest event after {@code position} was stored, if there is one: the oldest event a processor at
     * that position has not handled yet.
     */
    public Optional<Instant> storedAfter(long position) {
        return jdbc.query("SELECT time_stamp::timestamptz FROM axon.domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1",
                (row, number) -> row.getObject(1, OffsetDateTime.class).toInstant(), position).stream().findFirst();
    }

    /** Events between each processor's position and the head, at one moment. */
    public Snapshot snapshot() {
        long head = head();
        Map<String, Long> positions = positions();
        return new Snapshot(head, positions);
    }

    public record Snapshot(long head, Map<String, Long> positions) {

        public long lagOf(String processor) {
            Long position = positions.get(processor);
            return position == null ? 0 : Math.max(0, head - position);
        }
    }
}

package io.orderflow.projections.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.contracts.operations.RebuildKind;
import io.orderflow.contracts.operations.RebuildState;
import io.orderflow.contracts.operations.VerificationView;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records each rebuild and its progress in {@code projections.rebuild}, so that any instance can answer
 * how it is going. A running rebuild touches its row at least every {@link #HEARTBEAT}; one that stopped
 * touching it for {@link #ABANDONED_AFTER} was lost with its instance.
 */
@Component
class RebuildLog {

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    static final String RUNNING_STATES = "('BUILDING', 'VERIFYING', 'SWITCHING')";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    RebuildLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether another rebuild of {@code readModel} is running (and still alive). */
    boolean running(String readModel) {
        Integer running = jdbc.queryForObject("SELECT count(*) FROM projections.rebuild WHERE read_model = ? AND state IN "
                + RUNNING_STATES + " AND updated_at > now() - make_interval(secs => ?)",
                Integer.class, readModel, ABANDONED_AFTER.toSeconds());
        return running != null && running > 0;
    }

    /** The highest generation number any rebuild of {@code readModel} has used. */
    int lastGeneration(String readModel) {
        Integer last = jdbc.queryForObject("SELECT max(generation) FROM projections.rebuild WHERE read_model = ?",
                Integer.class, readModel);
        return last == null ? 0 : last;
    }

    void started(UUID id, String readModel, RebuildKind kind, int generation, int liveGeneration, long totalEvents) {
        jdbc.update("""
                INSERT INTO projections.rebuild
                    (id, read_model, kind, state, generation, live_generation, processed_events, total_events,
                     started_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, now(), now())
                """, id, readModel, kind.name(), RebuildState.BUILDING.name(), generation, liveGeneration, totalEvents);
    }

    void progress(UUID id, RebuildState state, long processedEvents) {
        jdbc.update("UPDATE projections.rebuild SET state = ?, processed_events = ?, updated_at = now() WHERE id = ?",
                state.name(), processedEvents, id);
    }

    void heartbeat(UUID id) {
        jdbc.update("UPDATE projections.rebuild SET updated_at = now() WHERE id = ?", id);
    }

    void verified(UUID id, VerificationView verification) {
        jdbc.update("""
                UPDATE projections.rebuild
                   SET rows_compared = ?, difference_count = ?, differences = ?::jsonb, updated_at = now()
                 WHERE id = ?
                """, verification.rowsCompared(), verification.differenceCount(), toJson(verification), id);
    }

    void completed(UUID id, long processedEvents) {
        finished(id, RebuildState.COMPLETED, processedEvents, null);
    }

    void failed(UUID id, long processedEvents, String failure) {
        finished(id, RebuildState.FAILED, processedEvents, failure);
    }

    private void finished(UUID id, RebuildState state, long processedEvents, String failure) {
        jdbc.update("""
                UPDATE projections.rebuild
                   SET state = ?, processed_events = ?, failure = ?, updated_at = now(), finished_at = now()
                 WHERE id = ?
                """, state.name(), processedEvents, failure, id);
    }

    private String toJson(VerificationView verification) {
        try {
            return json.writeValueAsString(verification.differences());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the differences as JSON", e);
        }
    }
}

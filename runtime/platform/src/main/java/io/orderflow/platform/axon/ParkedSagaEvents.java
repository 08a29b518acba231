package io.orderflow.platform.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Saga steps that kept failing, parked in {@code axon.parked_saga_event} (docs/decisions/0016): Axon's dead-letter
 * queue covers event handlers, not sagas. The events of one sequence (for the order saga, an order) are kept in
 * the order they came: the first is the step that failed, with its reason, attempts and last error; the others
 * were parked behind it, unhandled, so that the saga sees its events in order once it is retried. Each event is
 * stored as the event store holds it (its serialized payload, so that a payload that cannot be read is kept too)
 * and read back as an event message. Writes join the caller's transaction (the processor's batch).
 */
public final class ParkedSagaEvents {

    private static final String TABLE = AxonSchemas.SCHEMA + ".parked_saga_event";
    private static final String HEADS = """
            WITH sequences AS (
                SELECT sequence_id, min(id) AS head, count(*) AS parked
                  FROM %1$s WHERE processing_group = ? %2$s GROUP BY sequence_id)
            SELECT p.*, s.parked FROM sequences s JOIN %1$s p ON p.id = s.head ORDER BY p.id LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ParkedSagaEvents(JdbcTemplate jdbc, Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.serializer = eventSerializer;
    }

    /** Which of {@code sequenceIds} have parked events in {@code processingGroup}: one query. */
    public Set<String> parkedAmong(String processingGroup, Collection<String> sequenceIds) {
        if (sequenceIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT sequence_id FROM " + TABLE
                        + " WHERE processing_group = ? AND sequence_id = ANY (?)", String.class,
                processingGroup, sequenceIds.toArray(String[]::new)));
    }

    /**
     * Parks {@code event} at the end of its sequence: as the step that failed when {@code failure} is given, or
     * unhandled, behind the sequence's failing step, when it is null. An event parked already stays as it is: a
     * batch handled again after a restart parks nothing twice.
     */
    public void park(String processingGroup, String sequenceId, EventMessage<?> event, Failure failure) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> domain ? domain : null;
        jdbc.update("INSERT INTO " + TABLE + """
                         (processing_group, sequence_id, reason, attempts, cause_type, cause_message, last_attempt_at,
                          event_identifier, time_stamp, type, aggregate_identifier, sequence_number,
                          payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (processing_group, event_identifier) DO NOTHING""",
                processingGroup, sequenceId,
                failure == null ? null : failure.reason(),
                failure == null ? 0 : failure.attempts(),
                failure == null ? null : failure.causeType(),
                failure == null ? null : failure.causeMessage(),
                failure == null ? null : Timestamp.from(Instant.now()),
                event.getIdentifier(), Timestamp.from(event.getTimestamp()),
                domainEvent == null ? null : domainEvent.getType(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? null : domainEvent.getSequenceNumber(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    /** The parked events of one sequence, the failing step first; locked until the transaction ends when {@code lock}. */
    public List<ParkedEvent> sequence(String processingGroup, String sequenceId, boolean lock) {
        return jdbc.query("SELECT * FROM " + TABLE + " WHERE processing_group = ? AND sequence_id = ? ORDER BY id"
                + (lock ? " FOR UPDATE" : ""), (row, number) -> parkedEvent(row), processingGroup, sequenceId);
    }

    public void remove(Collection<Long> ids) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE id = ANY (?)", (Object) ids.toArray(Long[]::new));
    }

    /** One more failed attempt at a sequence's first event, which becomes (or stays) its failing step. */
    public void recordFailedAttempt(long id, Failure failure) {
        jdbc.update("UPDATE " + TABLE + " SET reason = ?, attempts = attempts + ?, cause_type = ?, cause_message = ?,"
                        + " last_attempt_at = now() WHERE id = ?",
                failure.reason(), failure.attempts(), failure.causeType(), failure.causeMessage(), id);
    }

    /** The stuck sequences of {@code processingGroup}, the longest parked first, at most {@code limit}. */
    public List<StuckSequence> stuck(String processingGroup, int limit) {
        return jdbc.query(HEADS.formatted(TABLE, ""), (row, number) -> stuckSequence(row), processingGroup, limit);
    }

    public Optional<StuckSequence> stuck(String processingGroup, String sequenceId) {
        return jdbc.query(HEADS.formatted(TABLE, "AND sequence_id = ?"), (row, number) -> stuckSequence(row),
                processingGroup, sequenceId, 1).stream().findFirst();
    }

    /** How many sequences of {@code processingGroup} are stuck. */
    public long countStuck(String processingGroup) {
        Long count = jdbc.queryForObject("SELECT count(DISTINCT sequence_id) FROM " + TABLE + " WHERE processing_group = ?",
                Long.class, processingGroup);
        return count == null ? 0 : count;
    }

    private ParkedEvent parkedEvent(ResultSet row) throws SQLException {
        String eventId = row.getString("event_identifier");
        Instant timestamp = row.getObject("time_stamp", OffsetDateTime.class).toInstant();
        String aggregateId = row.getString("aggregate_identifier");
        long sequenceNumber = row.getLong("sequence_number");
        Long aggregateSequence = row.wasNull() ? null : sequenceNumber;
        SerializedMessage<?> message = new SerializedMessage<>(eventId,
                new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class, row.getString("payload_type"),
                        row.getString("payload_revision")),
                new SimpleSerializedObject<>(row.getBytes("meta_data"), byte[].class, MetaData.class.getName(), null),
                serializer);
        EventMessage<?> event = aggregateId == null ? new GenericEventMessage<>(message, () -> timestamp)
                : new GenericDomainEventMessage<>(row.getString("type"), aggregateId, sequenceNumber, message, timestamp);
        return new ParkedEvent(row.getLong("id"), eventId, simpleName(row.getString("payload_type")), aggregateId,
                aggregateSequence, timestamp, event);
    }

    private static StuckSequence stuckSequence(ResultSet row) throws SQLException {
        OffsetDateTime lastAttempt = row.getObject("last_attempt_at", OffsetDateTime.class);
        return new StuckSequence(row.getString("sequence_id"), row.getString("reason"), row.getInt("attempts"),
                simpleName(row.getString("payload_type")), row.getString("event_identifier"), row.getString("cause_type"),
                row.getString("cause_message"), row.getObject("parked_at", OffsetDateTime.class).toInstant(),
                lastAttempt == null ? null : lastAttempt.toInstant(), row.getInt("parked"));
    }

    private static String simpleName(String typeName) {
        return typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1);
    }

    /** Why a step was parked: a reason of the caller's, how many attempts it failed, and its last error. */
    public record Failure(String reason, int attempts, String causeType, String causeMessage) {
    }

    /** One parked event, and the event message to hand to the saga again. */
    public record ParkedEvent(long id, String eventId, String eventType, String aggregateId, Long aggregateSequence,
                              Instant timestamp, EventMessage<?> message) {
    }

    /**
     * A stuck sequence, seen from its first parked event (the failing step): {@code reason} is null when that event
     * was parked behind a step that was resolved since, and has not been tried on its own yet.
     */
    public record StuckSequence(String sequenceId, String reason, int attempts, String failingEventType, String failingEventId,
                                String causeType, String causeMessage, Instant parkedAt, Instant lastAttemptAt, int parkedEvents) {
    }
}

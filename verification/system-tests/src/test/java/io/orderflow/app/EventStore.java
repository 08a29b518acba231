package io.orderflow.app;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Questions to the event store for end-to-end assertions. Counting by caller or customer, never the whole
 * store: the shared application keeps appending events of earlier tests' orders (sagas, payments).
 */
final class EventStore {

    private static final String ORDER_PLACED = "io.orderflow.contracts.order.OrderPlaced";

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events caused, directly or through the process that followed, by requests of {@code who} (the token subject). */
    long countCausedBy(String who) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM axon.domain_event_entry
                 WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'who' = ?""", Long.class, who);
    }

    long countOrdersPlacedFor(String customerId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM axon.domain_event_entry
                 WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'customerId' = ?""",
                Long.class, ORDER_PLACED, customerId);
    }

    /** The metadata of the OrderPlaced events of {@code customerId}. */
    List<JsonNode> metadataOfOrdersPlacedFor(String customerId) {
        return jdbc.queryForList("""
                        SELECT convert_from(meta_data, 'UTF8') FROM axon.domain_event_entry
                         WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'customerId' = ?""",
                        String.class, ORDER_PLACED, customerId)
                .stream().map(json::readTree).toList();
    }

    /** The metadata of every event of one aggregate, in order. */
    List<Map<String, Object>> eventsOf(String aggregateId) {
        return jdbc.queryForList("""
                SELECT payload_type, convert_from(meta_data, 'UTF8') AS meta_data FROM axon.domain_event_entry
                 WHERE aggregate_identifier = ? ORDER BY sequence_number""", aggregateId);
    }
}

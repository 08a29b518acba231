package io.orderflow.proof;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads what the application left in PostgreSQL: order states, processor token claims, the payment ledger. */
final class StoreInspector {

    static final List<String> SETTLED = List.of("CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED");

    /** One money movement or decision of the payment provider, as it answered it on {@code payments.results}. */
    record LedgerEntry(String paymentId, String orderId, String kind, BigDecimal amount, String currency, String reason) {
    }

    record OrderState(String orderId, String status, String cancellationReason) {
    }

    private final PostgresProcess postgres;

    StoreInspector(PostgresProcess postgres) {
        this.postgres = postgres;
    }

    /** Orders the event store knows (an {@code OrderPlaced}) that are not settled in the read model, or not in it at all. */
    List<OrderState> unsettledOrders() {
        return query("""
                SELECT e.aggregate_identifier, coalesce(v.status, 'NOT_IN_READ_MODEL'), v.cancellation_reason
                  FROM axon.domain_event_entry e
                  LEFT JOIN projections.order_view v ON v.order_id = e.aggregate_identifier
                 WHERE e.payload_type LIKE '%.OrderPlaced'
                   AND (v.status IS NULL OR v.status NOT IN ('CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED'))
                 ORDER BY e.global_index
                """, List.of(), rs -> new OrderState(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** Of {@code orderIds} (accepted by the edge), those that the event store does not know. */
    List<String> unknownOrders(Collection<String> orderIds) {
        List<String> known = query("SELECT aggregate_identifier FROM axon.domain_event_entry WHERE payload_type LIKE '%.OrderPlaced'",
                List.of(), rs -> rs.getString(1));
        java.util.Set<String> knownSet = new java.util.HashSet<>(known);
        return orderIds.stream().filter(id -> !knownSet.contains(id)).toList();
    }

    long placedOrders() {
        return query("SELECT count(*) FROM axon.domain_event_entry WHERE payload_type LIKE '%.OrderPlaced'", List.of(),
                rs -> rs.getLong(1)).get(0);
    }

    /** Sagas still open on an order that is cancelled, shipped or delivered: work (e.g. a refund) still under way. */
    long sagasOfFinishedOrders() {
        return query("""
                SELECT count(*) FROM axon.association_value_entry a
                  JOIN projections.order_view o ON o.order_id = a.association_value
                 WHERE a.association_key = 'orderId' AND o.status IN ('CANCELLED', 'SHIPPED', 'DELIVERED')
                """, List.of(), rs -> rs.getLong(1)).get(0);
    }

    /** Event processors whose token is behind the newest event in the store, by name. */
    List<String> processorsBehind() {
        return query("""
                SELECT t.processor_name || '[' || t.segment || ']'
                  FROM axon.token_entry t
                 WHERE coalesce(substring(convert_from(t.token, 'UTF8') from '"index"\\s*:\\s*(\\d+)')::bigint, -1)
                       < (SELECT coalesce(max(global_index), 0) FROM axon.domain_event_entry)
                """, List.of(), rs -> rs.getString(1));
    }

    /** What happened to an order: its events in order, then the provider's ledger for it. */
    String historyOf(String orderId) {
        List<String> events = query("""
                SELECT sequence_number, substring(payload_type from '[^.]+$') FROM axon.domain_event_entry
                 WHERE aggregate_identifier = ? ORDER BY sequence_number
                """, List.of(orderId), rs -> rs.getString(2));
        List<String> ledger = ledgerOf(orderId).stream().map(entry -> entry.kind() + " " + entry.amount()).toList();
        return orderId + ": events " + events + ", ledger " + ledger;
    }

    /**
     * Orders cancelled {@code PAYMENT_TIMEOUT}, by 30 s of their cancellation: how many, how many the payment service had
     * not seen when they were cancelled, and the medians of the seconds from awaiting payment to the payment service's
     * first sight of the request and to the cancellation. Tells a payment service that was behind (its consumer away or
     * its backlog) from a result that came back late.
     */
    List<String> paymentTimeoutTimeline() {
        return query("""
                WITH cancelled AS (
                    SELECT aggregate_identifier AS order_id, time_stamp::timestamptz AS at FROM axon.domain_event_entry
                     WHERE payload_type LIKE '%.OrderCancelled'
                       AND convert_from(payload, 'UTF8')::jsonb ->> 'reason' = 'PAYMENT_TIMEOUT'),
                awaiting AS (
                    SELECT aggregate_identifier AS order_id, min(time_stamp::timestamptz) AS at FROM axon.domain_event_entry
                     WHERE payload_type LIKE '%.OrderAwaitingPayment' GROUP BY 1)
                SELECT to_char(date_trunc('minute', c.at) + floor(extract(second FROM c.at) / 30) * interval '30 seconds', 'HH24:MI:SS'),
                       count(*),
                       count(*) FILTER (WHERE p.first_requested_at IS NULL OR p.first_requested_at > c.at),
                       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.first_requested_at - a.at))::numeric, 1),
                       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.at - a.at))::numeric, 1)
                  FROM cancelled c LEFT JOIN awaiting a USING (order_id) LEFT JOIN payments.payment p ON p.order_id = c.order_id
                 GROUP BY 1 ORDER BY 1
                """, List.of(), rs -> rs.getString(1) + " cancelled " + rs.getLong(2) + ", unseen by the payment service then "
                + rs.getLong(3) + ", p50 s awaiting->seen " + rs.getString(4) + ", p50 s awaiting->cancelled " + rs.getString(5));
    }

    /** Count of settled orders by status and reason, e.g. {@code CANCELLED/PAYMENT_TIMEOUT=3}. */
    Map<String, Long> outcomes() {
        Map<String, Long> outcomes = new TreeMap<>();
        query("SELECT status, coalesce(cancellation_reason, ''), count(*) FROM projections.order_view GROUP BY 1, 2", List.of(),
                rs -> outcomes.put(rs.getString(1) + (rs.getString(2).isEmpty() ? "" : "/" + rs.getString(2)), rs.getLong(3)));
        return outcomes;
    }

    List<String> ordersWith(String status, String cancellationReason, int limit) {
        return query("SELECT order_id FROM projections.order_view WHERE status = ? AND (? = '' OR cancellation_reason = ?) ORDER BY updated_at LIMIT ?",
                List.of(status, cancellationReason, cancellationReason, limit), rs -> rs.getString(1));
    }

    List<LedgerEntry> ledgerOf(String orderId) {
        return query("""
                SELECT payment_id, order_id, kind, amount, currency, reason FROM payments.ledger_entry
                 WHERE order_id = ? ORDER BY entry_id
                """, List.of(orderId),
                rs -> new LedgerEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6)));
    }

    /** Owner of every segment of every event processor: processor → (segment → owner, null when unclaimed). */
    Map<String, Map<Integer, String>> tokenOwners() {
        Map<String, Map<Integer, String>> owners = new TreeMap<>();
        query("SELECT processor_name, segment, owner FROM axon.token_entry ORDER BY 1, 2", List.of(),
                rs -> owners.computeIfAbsent(rs.getString(1), name -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getString(3)));
        return owners;
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, List<Object> parameters, Row<T> row) {
        try (Connection connection = postgres.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(row.map(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}

package io.orderflow.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.contracts.inventory.CommittedStockReturned;
import io.orderflow.contracts.inventory.StockCommitted;
import io.orderflow.contracts.inventory.StockReleased;
import io.orderflow.contracts.inventory.StockReservationExpired;
import io.orderflow.contracts.inventory.StockReservationRejected;
import io.orderflow.contracts.inventory.StockReserved;
import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every check needs to know about the orders, read once from the event store: each order's
 * status and moments, the database's clock (so that deadlines do not depend on this machine's), the
 * payment deadline and the grace.
 */
final class AuditedState {

    private static final Map<String, OrderStatus> STATUS_EVENTS = Map.of(
            OrderPlaced.class.getName(), OrderStatus.PENDING,
            OrderAwaitingPayment.class.getName(), OrderStatus.AWAITING_PAYMENT,
            OrderConfirmed.class.getName(), OrderStatus.CONFIRMED,
            OrderShipped.class.getName(), OrderStatus.SHIPPED,
            OrderDelivered.class.getName(), OrderStatus.DELIVERED,
            OrderCancelled.class.getName(), OrderStatus.CANCELLED);
    /** Stock events that concern an order: they are part of its activity. */
    static final List<String> ORDER_STOCK_EVENTS = Stream.of(StockReserved.class, StockReservationRejected.class,
            StockReleased.class, StockCommitted.class, CommittedStockReturned.class, StockReservationExpired.class)
            .map(Class::getName).toList();

    private final Instant now;
    private final Duration paymentTimeout;
    private final Duration grace;
    private final Map<String, OrderFacts> orders;

    private AuditedState(Instant now, Duration paymentTimeout, Duration grace, Map<String, OrderFacts> orders) {
        this.now = now;
        this.paymentTimeout = paymentTimeout;
        this.grace = grace;
        this.orders = orders;
    }

    static AuditedState load(JdbcTemplate jdbc, ObjectMapper json, Duration paymentTimeout, Duration grace) {
        Instant now = jdbc.queryForObject("SELECT now()", java.sql.Timestamp.class).toInstant();
        Map<String, OrderFacts> orders = new LinkedHashMap<>();
        jdbc.query("SELECT aggregate_identifier, payload_type, time_stamp::timestamptz AS at, convert_from(payload, 'UTF8') AS payload"
                        + " FROM axon.domain_event_entry WHERE payload_type IN (" + quoted(STATUS_EVENTS.keySet()) + ")"
                        + " ORDER BY aggregate_identifier, sequence_number",
                row -> {
                    String orderId = row.getString("aggregate_identifier");
                    OrderStatus status = STATUS_EVENTS.get(row.getString("payload_type"));
                    Instant at = row.getTimestamp("at").toInstant();
                    if (status == OrderStatus.PENDING) {
                        JsonNode total = read(json, row.getString("payload")).path("total");
                        orders.put(orderId, new OrderFacts(orderId, status, total.path("amount").decimalValue(),
                                total.path("currency").asText(), at, at, at));
                    } else {
                        orders.computeIfPresent(orderId, (id, order) -> order.withStatus(status, at));
                    }
                });
        jdbc.query("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'orderId' AS order_id, max(time_stamp::timestamptz) AS at"
                        + " FROM axon.domain_event_entry WHERE payload_type IN (" + quoted(ORDER_STOCK_EVENTS) + ") GROUP BY 1",
                row -> {
                    Instant at = row.getTimestamp("at").toInstant();
                    orders.computeIfPresent(row.getString("order_id"), (id, order) -> order.touchedAt(at));
                });
        return new AuditedState(now, paymentTimeout, grace, orders);
    }

    Instant now() {
        return now;
    }

    Duration paymentTimeout() {
        return paymentTimeout;
    }

    Duration grace() {
        return grace;
    }

    Collection<OrderFacts> orders() {
        return orders.values();
    }

    Optional<OrderFacts> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    /** Whether {@code since} lies more than the grace in the past: whatever was under way then should be done. */
    boolean settledSince(Instant since) {
        return since.plus(grace).isBefore(now);
    }

    Map<OrderStatus, Long> countByStatus() {
        return orders.values().stream().collect(Collectors.groupingBy(OrderFacts::status, () -> new java.util.EnumMap<>(OrderStatus.class),
                Collectors.counting()));
    }

    /** The class names as a SQL list; they are this code's own constants, never input. */
    static String quoted(Collection<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    static JsonNode read(ObjectMapper json, String payload) {
        try {
            return json.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException("An event payload is not JSON: " + payload, e);
        }
    }
}

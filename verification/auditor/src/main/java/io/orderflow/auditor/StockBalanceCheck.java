package io.orderflow.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.contracts.inventory.CommittedStockReturned;
import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.contracts.inventory.ProductRestocked;
import io.orderflow.contracts.inventory.StockCommitted;
import io.orderflow.contracts.inventory.StockReleased;
import io.orderflow.contracts.inventory.StockReservationExpired;
import io.orderflow.contracts.inventory.StockReserved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Per product, the stock events balance: replayed in sequence, initial stock + restocks = available +
 * reserved + committed, no counter ever drops below zero, and every event that moves an order's stock
 * moves what that order holds: a release, an expiry or a commitment needs a held reservation of that
 * quantity, a return needs committed stock. Once an order has finished (past the grace), no stock is
 * held for it any more: a cancelled order holds nothing, a shipped or delivered one nothing reserved.
 */
final class StockBalanceCheck implements AuditCheck {

    static final String NAME = "stock-balance";

    private static final String ADDED = ProductAdded.class.getName();
    private static final String RESTOCKED = ProductRestocked.class.getName();
    private static final String RESERVED = StockReserved.class.getName();
    private static final String RELEASED = StockReleased.class.getName();
    private static final String EXPIRED = StockReservationExpired.class.getName();
    private static final String COMMITTED = StockCommitted.class.getName();
    private static final String RETURNED = CommittedStockReturned.class.getName();

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    StockBalanceCheck(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public CheckResult run(AuditedState state) {
        Map<String, Product> products = new LinkedHashMap<>();
        jdbc.query("SELECT aggregate_identifier, sequence_number, payload_type, convert_from(payload, 'UTF8') AS payload"
                        + " FROM axon.domain_event_entry WHERE payload_type IN ("
                        + AuditedState.quoted(Stream.of(ADDED, RESTOCKED, RESERVED, RELEASED, EXPIRED, COMMITTED, RETURNED).toList())
                        + ") ORDER BY aggregate_identifier, sequence_number",
                (RowCallbackHandler) row -> products.computeIfAbsent(row.getString("aggregate_identifier"), Product::new)
                        .apply(row.getLong("sequence_number"), row.getString("payload_type"),
                                AuditedState.read(json, row.getString("payload"))));
        List<Violation> violations = new ArrayList<>();
        long units = 0;
        for (Product product : products.values()) {
            product.heldForFinishedOrders(state);
            product.problems.stream().findFirst().ifPresent(problem -> violations.add(new Violation(NAME, product.productId,
                    problem + (product.problems.size() > 1 ? " (and " + (product.problems.size() - 1) + " more)" : ""))));
            units += product.initial + product.restocked;
        }
        return new CheckResult(NAME, "per product initial + restocks = available + reserved + committed, never negative,"
                + " each order's stock moved only as it was held", products.size() + " products, " + units + " units stocked", violations);
    }

    /** One product's counters and reservations as its events build them, and what did not add up. */
    private static final class Product {

        private final String productId;
        private long initial;
        private long restocked;
        private long available;
        private long reserved;
        private long committed;
        private final Map<String, Holding> holdings = new HashMap<>();
        private final List<String> problems = new ArrayList<>();

        Product(String productId) {
            this.productId = productId;
        }

        void apply(long sequence, String type, JsonNode event) {
            int quantity = event.path("quantity").asInt();
            String orderId = event.path("orderId").asText(null);
            if (type.equals(ADDED)) {
                initial = event.path("initialStock").asLong();
                available += initial;
            } else if (type.equals(RESTOCKED)) {
                restocked += quantity;
                available += quantity;
            } else if (type.equals(RESERVED)) {
                available -= quantity;
                reserved += quantity;
                holdings.put(orderId, new Holding(quantity, true));
            } else if (type.equals(RELEASED) || type.equals(EXPIRED)) {
                requireHolding(sequence, type, orderId, quantity, true);
                reserved -= quantity;
                available += quantity;
                holdings.remove(orderId);
            } else if (type.equals(COMMITTED)) {
                requireHolding(sequence, type, orderId, quantity, true);
                reserved -= quantity;
                committed += quantity;
                holdings.put(orderId, new Holding(quantity, false));
            } else if (type.equals(RETURNED)) {
                requireHolding(sequence, type, orderId, quantity, false);
                committed -= quantity;
                available += quantity;
                holdings.remove(orderId);
            }
            if (available < 0 || reserved < 0 || committed < 0 || initial + restocked != available + reserved + committed) {
                problems.add("after event " + sequence + " (" + simpleName(type) + "): initial " + initial + " + restocked "
                        + restocked + " vs available " + available + " + reserved " + reserved + " + committed " + committed);
            }
        }

        private void requireHolding(long sequence, String type, String orderId, int quantity, boolean reservedNotCommitted) {
            Holding holding = holdings.get(orderId);
            if (holding == null || holding.reserved() != reservedNotCommitted || holding.quantity() != quantity) {
                problems.add("event " + sequence + " (" + simpleName(type) + ") moves " + quantity + " units of order " + orderId
                        + ", which holds " + (holding == null ? "nothing"
                        : holding.quantity() + (holding.reserved() ? " reserved" : " committed")));
            }
        }

        void heldForFinishedOrders(AuditedState state) {
            holdings.forEach((orderId, holding) -> state.order(orderId)
                    .filter(order -> order.isFinished() && state.settledSince(order.lastActivity()))
                    .filter(order -> holding.reserved() || order.status() == io.orderflow.contracts.order.OrderStatus.CANCELLED)
                    .ifPresent(order -> problems.add(holding.quantity() + " units still " + (holding.reserved() ? "reserved" : "committed")
                            + " for order " + orderId + ", which is " + order.status())));
        }

        private static String simpleName(String type) {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    private record Holding(int quantity, boolean reserved) {
    }
}

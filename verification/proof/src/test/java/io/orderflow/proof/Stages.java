package io.orderflow.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How long an order spends between two of its events during a workload: every event of the workload's
 * orders, in the orders' streams and in the products' streams (those name the order in their payload),
 * ordered by time per order; each step from one event type to the next gets its p50 and p99. A step that
 * waits for a poll, a batch or a queue shows here.
 */
final class Stages {

    private Stages() {
    }

    /** The steps of the orders in {@code orders} whose events come after {@code startIndex}, as a Markdown line. */
    static String of(Connection connection, long startIndex, Set<String> orders) throws SQLException {
        Map<String, List<Event>> byOrder = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT aggregate_identifier, payload_type, time_stamp, payload FROM axon.domain_event_entry WHERE global_index > ?")) {
            query.setLong(1, startIndex);
            query.setFetchSize(5_000);
            connection.setAutoCommit(false);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String order = rows.getString(1);
                    if (!orders.contains(order)) {
                        order = orderIn(rows.getBytes(4));
                    }
                    if (order != null && orders.contains(order)) {
                        String type = rows.getString(2);
                        byOrder.computeIfAbsent(order, id -> new ArrayList<>())
                                .add(new Event(type.substring(type.lastIndexOf('.') + 1), Instant.parse(rows.getString(3))));
                    }
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
        Map<String, List<Long>> steps = new TreeMap<>();
        for (List<Event> events : byOrder.values()) {
            events.sort(Comparator.comparing(Event::at));
            for (int i = 1; i < events.size(); i++) {
                steps.computeIfAbsent(events.get(i - 1).type() + " → " + events.get(i).type(), step -> new ArrayList<>())
                        .add(Duration.between(events.get(i - 1).at(), events.get(i).at()).toNanos() / 1000);
            }
        }
        return "Steps between an order's events (count: p50 / p99 ms): " + steps.entrySet().stream()
                .filter(step -> step.getValue().size() * 50 >= orders.size())
                .map(step -> {
                    long[] sorted = step.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                    return String.format(Locale.ROOT, "%s (%d: %.1f / %.1f)", step.getKey(), sorted.length,
                            sorted[(int) Math.ceil(0.5 * sorted.length) - 1] / 1000.0,
                            sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1000.0);
                })
                .collect(Collectors.joining(", ")) + "\n";
    }

    private record Event(String type, Instant at) {
    }

    private static String orderIn(byte[] payload) {
        try {
            JsonNode node = ShopClient.JSON.readTree(payload);
            return node.hasNonNull("orderId") ? node.get("orderId").asText() : null;
        } catch (IOException unreadable) {
            return null;
        }
    }
}

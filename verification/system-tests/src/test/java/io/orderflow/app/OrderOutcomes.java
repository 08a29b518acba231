package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.payment.EntryKind;
import io.orderflow.payment.LedgerEntry;
import io.orderflow.payment.PaymentLedger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * A batch of orders against a small catalogue, and the guarantees that must hold once every order has
 * settled: nothing oversold, no stock lost, no charge left on a cancelled order, none charged twice.
 */
final class OrderOutcomes {

    private final Api api;
    private final Map<String, Integer> initialStock = new HashMap<>();
    private final List<String> orderIds = new ArrayList<>();
    private final Random random = new Random(42);

    OrderOutcomes(Api api) {
        this.api = api;
    }

    void addProduct(String name, String price, int stock) {
        initialStock.put(api.addProduct(name, price, stock), stock);
    }

    /** Places one order of one or two random products with 1..3 units each. */
    String placeRandomOrder() {
        List<String> products = new ArrayList<>(initialStock.keySet());
        Map<String, Integer> lines = new HashMap<>();
        int lineCount = 1 + random.nextInt(2);
        while (lines.size() < lineCount) {
            lines.put(products.get(random.nextInt(products.size())), 1 + random.nextInt(3));
        }
        String orderId = api.placeOrder(api.aCustomer(), lines);
        orderIds.add(orderId);
        return orderId;
    }

    List<String> orderIds() {
        return orderIds;
    }

    /** Waits until every order is CONFIRMED or CANCELLED and answers them by order id. */
    Map<String, JsonNode> awaitAllSettled() {
        Map<String, JsonNode> settled = new HashMap<>();
        for (String orderId : orderIds) {
            settled.put(orderId, api.awaitOrderStatus(orderId, "CONFIRMED", "CANCELLED"));
        }
        return settled;
    }

    void assertStockBalances(Map<String, JsonNode> settled) {
        Map<String, Integer> committedByConfirmedOrders = new HashMap<>();
        settled.values().stream()
                .filter(order -> order.get("status").asString().equals("CONFIRMED"))
                .forEach(order -> order.get("lines").forEach(line ->
                        committedByConfirmedOrders.merge(line.get("productId").asString(), line.get("quantity").asInt(), Integer::sum)));
        initialStock.forEach((productId, initial) -> {
            JsonNode product = api.awaitProduct(productId, p -> p.get("reserved").asInt() == 0);
            int available = product.get("available").asInt();
            int committed = product.get("committed").asInt();
            assertThat(available).as("available stock of %s never negative", productId).isGreaterThanOrEqualTo(0);
            assertThat(available + committed).as("initial = available + reserved + committed for %s", productId).isEqualTo(initial);
            assertThat(committed).as("committed stock of %s = units of its confirmed orders", productId)
                    .isEqualTo(committedByConfirmedOrders.getOrDefault(productId, 0));
        });
    }

    void assertPaymentsBalance(Map<String, JsonNode> settled, PaymentLedger ledger) {
        settled.forEach((orderId, order) -> {
            List<LedgerEntry> entries = ledger.entriesOfOrder(orderId);
            BigDecimal charged = sum(entries, EntryKind.CHARGE);
            BigDecimal refunded = sum(entries, EntryKind.REFUND);
            assertThat(entries.stream().filter(e -> e.kind() == EntryKind.CHARGE).count())
                    .as("at most one charge for order %s", orderId).isLessThanOrEqualTo(1);
            BigDecimal kept = charged.subtract(refunded);
            if (order.get("status").asString().equals("CONFIRMED")) {
                assertThat(kept).as("confirmed order %s is paid its total", orderId)
                        .isEqualByComparingTo(order.get("total").decimalValue());
            } else {
                assertThat(kept).as("no charge stays on cancelled order %s", orderId).isEqualByComparingTo(BigDecimal.ZERO);
            }
        });
    }

    static long count(Map<String, JsonNode> settled, String status, String reason) {
        return settled.values().stream()
                .filter(order -> order.get("status").asString().equals(status))
                .filter(order -> reason == null || reason.equals(order.get("cancellationReason").asString()))
                .count();
    }

    private static BigDecimal sum(List<LedgerEntry> entries, EntryKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).map(LedgerEntry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

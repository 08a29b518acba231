package io.orderflow.auditor;

import io.orderflow.payment.EntryKind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The payment ledger summed per order: how many charges, and charged minus refunded. */
final class LedgerEntries {

    /** One order's money: {@code net} is charges minus refunds, in {@code currency}. */
    record OrderMoney(String orderId, int charges, BigDecimal net, String currency) {
    }

    private LedgerEntries() {
    }

    static Map<String, OrderMoney> perOrder(JdbcTemplate jdbc) {
        Map<String, OrderMoney> orders = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT order_id, max(currency) AS currency,
                               count(*) FILTER (WHERE kind = ?) AS charges,
                               coalesce(sum(amount) FILTER (WHERE kind = ?), 0)
                                 - coalesce(sum(amount) FILTER (WHERE kind = ?), 0) AS net
                          FROM payments.ledger_entry
                         GROUP BY order_id ORDER BY order_id""",
                row -> {
                    String orderId = row.getString("order_id");
                    orders.put(orderId, new OrderMoney(orderId, row.getInt("charges"), row.getBigDecimal("net"), row.getString("currency")));
                }, EntryKind.CHARGE.name(), EntryKind.CHARGE.name(), EntryKind.REFUND.name());
        return orders;
    }
}

package io.orderflow.proof;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where the proof suite asks whether the store is consistent after a run.
 *
 * <p>Until the auditor module ({@code io.orderflow.auditor.Auditor}) is on this module's classpath, this
 * runs the suite's own checks over the store, which the auditor supersedes: no stock below zero, nothing
 * left reserved, every product's committed units equal to its confirmed orders' units, at most one charge
 * per order, a confirmed order paid its total, no charge left on a cancelled order.
 */
final class Audit {

    /** The outcome: {@code clean()} or the violations, and a text for the test report. */
    record Result(boolean clean, List<String> violations, String rendered) {
    }

    private Audit() {
    }

    static Result run(PostgresProcess postgres) {
        StoreInspector store = new StoreInspector(postgres);
        List<String> violations = new ArrayList<>();
        store.query("SELECT product_id, available, reserved FROM projections.product_view WHERE available < 0 OR reserved <> 0",
                List.of(), rs -> violations.add("product " + rs.getString(1) + ": available=" + rs.getInt(2) + ", reserved=" + rs.getInt(3)));
        store.query("""
                SELECT p.product_id, p.committed, coalesce(c.units, 0)
                  FROM projections.product_view p
                  LEFT JOIN (SELECT l.product_id, sum(l.quantity) AS units
                               FROM projections.order_line_view l JOIN projections.order_view o ON o.order_id = l.order_id
                              WHERE o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED') GROUP BY l.product_id) c
                    ON c.product_id = p.product_id
                 WHERE p.committed <> coalesce(c.units, 0)
                """, List.of(), rs -> violations.add("product " + rs.getString(1) + ": committed " + rs.getInt(2)
                        + " units but its confirmed orders hold " + rs.getInt(3)));
        store.query("""
                SELECT o.order_id, o.status, o.total,
                       coalesce(sum(e.amount) FILTER (WHERE e.kind = 'CHARGE'), 0) AS charged,
                       coalesce(sum(e.amount) FILTER (WHERE e.kind = 'REFUND'), 0) AS refunded,
                       count(*) FILTER (WHERE e.kind = 'CHARGE') AS charges
                  FROM projections.order_view o LEFT JOIN payments.ledger_entry e ON e.order_id = o.order_id
                 GROUP BY o.order_id, o.status, o.total
                HAVING count(*) FILTER (WHERE e.kind = 'CHARGE') > 1
                    OR (o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED')
                        AND coalesce(sum(e.amount) FILTER (WHERE e.kind = 'CHARGE'), 0)
                          - coalesce(sum(e.amount) FILTER (WHERE e.kind = 'REFUND'), 0) <> o.total)
                    OR (o.status = 'CANCELLED'
                        AND coalesce(sum(e.amount) FILTER (WHERE e.kind = 'CHARGE'), 0)
                          - coalesce(sum(e.amount) FILTER (WHERE e.kind = 'REFUND'), 0) <> 0)
                """, List.of(), rs -> violations.add("order " + rs.getString(1) + " " + rs.getString(2) + ": total " + rs.getBigDecimal(3)
                        + ", charged " + rs.getBigDecimal(4) + " (" + rs.getLong(6) + " charges), refunded " + rs.getBigDecimal(5)));
        String rendered = violations.isEmpty() ? "audit: clean" : "audit: " + violations.size() + " violations\n  " + String.join("\n  ", violations);
        return new Result(violations.isEmpty(), violations, rendered);
    }
}

package io.orderflow.auditor;

import io.orderflow.auditor.LedgerEntries.OrderMoney;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No charge is left on a cancelled order: whatever was charged for it was refunded. A refund takes a
 * moment after the cancellation, so only a cancellation older than the grace counts.
 */
final class CancelledChargeCheck implements AuditCheck {

    static final String NAME = "cancelled-charges";

    private final JdbcTemplate jdbc;

    CancelledChargeCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CheckResult run(AuditedState state) {
        Map<String, OrderMoney> ledger = LedgerEntries.perOrder(jdbc);
        List<Violation> violations = new ArrayList<>();
        long cancelled = 0;
        long refunded = 0;
        for (OrderFacts order : state.orders()) {
            if (order.status() != io.orderflow.contracts.order.OrderStatus.CANCELLED) {
                continue;
            }
            cancelled++;
            OrderMoney money = ledger.get(order.orderId());
            if (money == null || money.charges() == 0) {
                continue;
            }
            if (money.net().signum() == 0) {
                refunded++;
            } else if (state.settledSince(order.statusSince())) {
                violations.add(new Violation(NAME, order.orderId(), "cancelled at " + order.statusSince() + ", but "
                        + money.net() + " " + money.currency() + " stay charged"));
            }
        }
        return new CheckResult(NAME, "no charge left on a cancelled order",
                cancelled + " cancelled orders, " + refunded + " of them charged and refunded", violations);
    }
}

package io.orderflow.auditor;

import io.orderflow.auditor.LedgerEntries.OrderMoney;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payment ledger agrees with the orders: charges minus refunds equal the totals of the confirmed
 * (CONFIRMED, SHIPPED, DELIVERED) orders, order by order and so per currency; no order is charged more
 * than once (over all its payment ids); no entry names an order the event store does not know. Orders
 * still in progress may hold a charge on its way to them; the cancelled ones are {@link CancelledChargeCheck}'s.
 */
final class PaymentLedgerCheck implements AuditCheck {

    static final String NAME = "payment-ledger";

    private final JdbcTemplate jdbc;

    PaymentLedgerCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CheckResult run(AuditedState state) {
        Map<String, OrderMoney> ledger = LedgerEntries.perOrder(jdbc);
        List<Violation> violations = new ArrayList<>();
        Map<String, BigDecimal> charged = new TreeMap<>();
        Map<String, BigDecimal> confirmed = new TreeMap<>();
        for (OrderMoney money : ledger.values()) {
            charged.merge(money.currency(), money.net(), BigDecimal::add);
            if (money.charges() > 1) {
                violations.add(new Violation(NAME, money.orderId(), "charged " + money.charges() + " times"));
            }
            if (state.order(money.orderId()).isEmpty()) {
                violations.add(new Violation(NAME, money.orderId(), "the ledger holds entries of an order with no events"));
            }
        }
        for (OrderFacts order : state.orders()) {
            if (!order.isConfirmed()) {
                continue;
            }
            confirmed.merge(order.currency(), order.total(), BigDecimal::add);
            OrderMoney money = ledger.get(order.orderId());
            BigDecimal net = money == null ? BigDecimal.ZERO : money.net();
            if (net.compareTo(order.total()) != 0) {
                violations.add(new Violation(NAME, order.orderId(), order.status() + " with total " + order.total() + " "
                        + order.currency() + ", but charges minus refunds are " + net));
            }
        }
        return new CheckResult(NAME, "charges minus refunds = confirmed orders' totals, at most one charge per order",
                ledger.size() + " orders in the ledger; charged minus refunded " + charged + "; confirmed orders' totals " + confirmed,
                violations);
    }
}

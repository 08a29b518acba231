package io.orderflow.auditor;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No saga is left for a finished order. The order saga ends when the order ships (all its stock
 * committed) or once a cancelled order's stock is all given back; a CONFIRMED order keeps its saga,
 * which waits for the shipment or a customer's cancellation. So a saga associated with a SHIPPED,
 * DELIVERED or CANCELLED order whose last activity (its own or its stock's latest event) is older
 * than the grace is left over. A saga whose order has no events at all is left over too.
 */
final class LeftoverSagaCheck implements AuditCheck {

    static final String NAME = "leftover-sagas";

    private final JdbcTemplate jdbc;

    LeftoverSagaCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CheckResult run(AuditedState state) {
        List<Violation> violations = new ArrayList<>();
        long[] sagas = {0};
        jdbc.query("""
                        SELECT s.saga_id, s.saga_type, a.association_value AS order_id
                          FROM axon.saga_entry s
                          LEFT JOIN axon.association_value_entry a ON a.saga_id = s.saga_id AND a.association_key = 'orderId'
                         ORDER BY s.saga_id""",
                row -> {
                    sagas[0]++;
                    String sagaId = row.getString("saga_id");
                    String orderId = row.getString("order_id");
                    if (orderId == null) {
                        violations.add(new Violation(NAME, sagaId, row.getString("saga_type") + " is associated with no order"));
                        return;
                    }
                    state.order(orderId).ifPresentOrElse(order -> {
                        if (order.isFinished() && state.settledSince(order.lastActivity())) {
                            violations.add(new Violation(NAME, orderId, "saga " + sagaId + " is still open, the order is "
                                    + order.status() + " since " + order.statusSince()));
                        }
                    }, () -> violations.add(new Violation(NAME, orderId, "saga " + sagaId + " belongs to an order with no events")));
                });
        return new CheckResult(NAME, "no saga left for a finished (shipped, delivered or cancelled) order",
                sagas[0] + " open sagas", violations);
    }
}

package io.orderflow.notification;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.integration.OrderLifecycleEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications sent so far, in {@code notifications.notification}: recorded by this module,
 * readable by any other. Reads block (JDBC); call them from a thread that may block.
 */
public class NotificationLog {

    private static final String COLUMNS = "event_id, order_id, customer_id, kind, subject, body, created_at";

    private static final String INSERT = """
            INSERT INTO notifications.notification (event_id, order_id, customer_id, kind, subject, body)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    NotificationLog(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Records the e-mails of several events in one transaction, each unless its event's e-mail is recorded
     * already; answers how many were new.
     */
    int recordAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        int[][] inserted = transaction.execute(status -> jdbc.batchUpdate(INSERT, notices, notices.size(), (statement, notice) -> {
            statement.setString(1, notice.event().eventId());
            statement.setString(2, notice.event().orderId());
            statement.setString(3, notice.event().customerId());
            statement.setString(4, notice.kind().name());
            statement.setString(5, notice.email().subject());
            statement.setString(6, notice.email().body());
        }));
        return Arrays.stream(inserted).flatMapToInt(Arrays::stream).map(rows -> rows > 0 ? 1 : 0).sum();
    }

    /** One event's e-mail, to record. */
    record Notice(OrderLifecycleEvent event, NotificationKind kind, OrderEmails.Email email) {
    }

    /** The notifications about one order, oldest first. */
    public List<Notification> forOrder(OrderId orderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notifications.notification"
                        + " WHERE order_id = ? ORDER BY created_at, event_id",
                NotificationLog::toNotification, orderId.value());
    }

    /** A customer's notifications about all their orders, newest first, as an inbox shows them. */
    public List<Notification> forCustomer(CustomerId customerId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notifications.notification"
                        + " WHERE customer_id = ? ORDER BY created_at DESC, event_id DESC",
                NotificationLog::toNotification, customerId.value());
    }

    /** How many notifications have been recorded in all. */
    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM notifications.notification", Long.class);
        return count == null ? 0 : count;
    }

    private static Notification toNotification(ResultSet row, int rowNumber) throws SQLException {
        return new Notification(
                row.getString("event_id"),
                OrderId.of(row.getString("order_id")),
                CustomerId.of(row.getString("customer_id")),
                NotificationKind.valueOf(row.getString("kind")),
                row.getString("subject"),
                row.getString("body"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}

package io.orderflow.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The provider's books in schema {@code payments}. Its public methods read them, for tests and audits;
 * the payment service alone writes, through the package-private methods, inside the transaction of one
 * decision. The database keeps the ledger honest on its own: at most one entry of each kind per payment,
 * never both a charge and a decline or a charge and a void, and no entry ever changed or deleted.
 */
public class PaymentLedger {

    private static final String ENTRY_COLUMNS = "entry_id, payment_id, order_id, kind, amount, currency, reason, created_at";

    private final JdbcTemplate jdbc;

    public PaymentLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Every entry of every payment of the order, oldest first. */
    public List<LedgerEntry> entriesOfOrder(String orderId) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM payments.ledger_entry WHERE order_id = ? ORDER BY entry_id",
                PaymentLedger::entry, orderId);
    }

    /** Every entry of the payment, oldest first. */
    public List<LedgerEntry> entriesOfPayment(String paymentId) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM payments.ledger_entry WHERE payment_id = ? ORDER BY entry_id",
                PaymentLedger::entry, paymentId);
    }

    /** How many times the payment was charged: 0 or 1. */
    public int chargesOf(String paymentId) {
        return count(paymentId, EntryKind.CHARGE);
    }

    /** How many times the payment was refunded: 0 or 1. */
    public int refundsOf(String paymentId) {
        return count(paymentId, EntryKind.REFUND);
    }

    /** Everything ever charged, per currency code. */
    public Map<String, BigDecimal> totalCharged() {
        return totals(EntryKind.CHARGE);
    }

    /** Everything ever charged in one currency; zero when nothing was. */
    public BigDecimal totalCharged(String currency) {
        return total(EntryKind.CHARGE, currency);
    }

    /** Everything ever refunded, per currency code. */
    public Map<String, BigDecimal> totalRefunded() {
        return totals(EntryKind.REFUND);
    }

    /** Everything ever refunded in one currency; zero when nothing was. */
    public BigDecimal totalRefunded(String currency) {
        return total(EntryKind.REFUND, currency);
    }

    /** What was recorded for one payment; inside a decision, call {@link #lock} first. */
    PaymentHistory historyOf(String paymentId) {
        return new PaymentHistory(entriesOfPayment(paymentId));
    }

    /**
     * Makes the caller's transaction the only one deciding on this payment until it ends. The payment's
     * row is created on first use; a concurrent creator waits on its unique key, then on the row lock.
     */
    void lock(String paymentId, String orderId) {
        jdbc.update("INSERT INTO payments.payment (payment_id, order_id) VALUES (?, ?) ON CONFLICT (payment_id) DO NOTHING",
                paymentId, orderId);
        jdbc.queryForObject("SELECT payment_id FROM payments.payment WHERE payment_id = ? FOR UPDATE", String.class, paymentId);
    }

    /** Records the entry unless one that it would contradict or repeat is already there; answers whether it did. */
    boolean append(NewEntry entry) {
        return jdbc.update("""
                        INSERT INTO payments.ledger_entry (payment_id, order_id, kind, amount, currency, reason)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                entry.paymentId(), entry.orderId(), entry.kind().name(), entry.amount(), entry.currency(), entry.reason()) == 1;
    }

    /** An entry to record; the database numbers and dates it. */
    record NewEntry(String paymentId, String orderId, EntryKind kind, BigDecimal amount, String currency, String reason) {
    }

    private int count(String paymentId, EntryKind kind) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM payments.ledger_entry WHERE payment_id = ? AND kind = ?",
                Integer.class, paymentId, kind.name());
        return count == null ? 0 : count;
    }

    private Map<String, BigDecimal> totals(EntryKind kind) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("SELECT currency, sum(amount) AS total FROM payments.ledger_entry WHERE kind = ? GROUP BY currency",
                (ResultSet row) -> {
                    String currency = row.getString("currency");
                    totals.put(currency, inCurrencyScale(row.getBigDecimal("total"), currency));
                }, kind.name());
        return totals;
    }

    private BigDecimal total(EntryKind kind, String currency) {
        BigDecimal total = jdbc.queryForObject(
                "SELECT coalesce(sum(amount), 0) FROM payments.ledger_entry WHERE kind = ? AND currency = ?",
                BigDecimal.class, kind.name(), currency);
        return inCurrencyScale(total, currency);
    }

    private static LedgerEntry entry(ResultSet row, int rowNumber) throws SQLException {
        String currency = row.getString("currency");
        return new LedgerEntry(
                row.getLong("entry_id"),
                row.getString("payment_id"),
                row.getString("order_id"),
                EntryKind.valueOf(row.getString("kind")),
                inCurrencyScale(row.getBigDecimal("amount"), currency),
                currency,
                row.getString("reason"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** NUMERIC(19,4) gives 49.8000; money reads as the currency writes it (49.80 EUR, 1200 JPY), never losing a digit. */
    static BigDecimal inCurrencyScale(BigDecimal amount, String currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        int scale = Math.max(currencyDigits(currency), 0);
        return stripped.scale() < scale ? stripped.setScale(scale) : stripped;
    }

    private static int currencyDigits(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknownCurrency) {
            return 0;
        }
    }
}

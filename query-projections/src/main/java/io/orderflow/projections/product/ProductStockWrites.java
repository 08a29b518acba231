package io.orderflow.projections.product;

import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.projections.product.ProductCatalogueProjection.StockChange;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.ProjectionTarget.PendingWrites;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalogue rows that a batch of inventory events changes: the new products, and for every other product
 * one update with the sum of its events' stock changes, applied only if the row has none of them yet. Should
 * the row already hold some of them (a batch handled twice), each event is applied on its own instead, again
 * only above the row's sequence.
 */
final class ProductStockWrites implements PendingWrites {

    private final JdbcTemplate jdbc;
    /** Null while rebuilding: nobody hears of a generation that is not served yet. */
    private final ProductUpdates updates;
    private final List<Object[]> added = new ArrayList<>();
    private final Map<String, List<Change>> changes = new LinkedHashMap<>();

    ProductStockWrites(JdbcTemplate jdbc, ProductUpdates updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    void added(ProductAdded event, long sequence, Instant at) {
        added.add(new Object[] {event.productId().value(), event.name(), event.price().amount(), event.price().currency(),
                event.initialStock(), sequence, utc(at)});
    }

    void changed(String productId, StockChange change, long sequence, Instant at) {
        changes.computeIfAbsent(productId, id -> new ArrayList<>()).add(new Change(change, sequence, at));
    }

    @Override
    public void flush(Generation tables) {
        String productView = tables.table("product_view");
        if (!added.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO %s (product_id, name, price, currency, available, reserved, committed, last_sequence, updated_at)
                    VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)
                    ON CONFLICT (product_id) DO NOTHING""".formatted(productView), added);
        }
        if (!changes.isEmpty()) {
            List<String> products = new ArrayList<>(changes.keySet());
            List<Object[]> summed = products.stream().map(product -> summed(product, changes.get(product))).toList();
            int[] updated = jdbc.batchUpdate(UPDATE.formatted(productView), summed);
            for (int i = 0; i < products.size(); i++) {
                if (updated[i] == 0) {
                    oneByOne(productView, products.get(i));
                }
            }
        }
        if (updates != null) {
            List<String> changed = new ArrayList<>(changes.keySet());
            added.forEach(row -> changed.add((String) row[0]));
            updates.changed(changed, tables);
        }
    }

    private static final String UPDATE = """
            UPDATE %s
               SET available = available + ?, reserved = reserved + ?, committed = committed + ?,
                   last_sequence = ?, updated_at = ?
             WHERE product_id = ? AND last_sequence < ?""";

    /** The changes of one product in one statement, applied only if the row has none of them. */
    private static Object[] summed(String productId, List<Change> productChanges) {
        StockChange total = new StockChange(0, 0, 0);
        long first = Long.MAX_VALUE;
        Change last = productChanges.get(0);
        for (Change change : productChanges) {
            total = total.plus(change.change());
            first = Math.min(first, change.sequence());
            last = change.sequence() > last.sequence() ? change : last;
        }
        return new Object[] {total.available(), total.reserved(), total.committed(), last.sequence(), utc(last.at()), productId, first};
    }

    private void oneByOne(String productView, String productId) {
        List<Object[]> each = changes.get(productId).stream()
                .map(change -> new Object[] {change.change().available(), change.change().reserved(), change.change().committed(),
                        change.sequence(), utc(change.at()), productId, change.sequence()})
                .toList();
        jdbc.batchUpdate(UPDATE.formatted(productView), each);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private record Change(StockChange change, long sequence, Instant at) {
    }
}

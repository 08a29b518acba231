package io.orderflow.projections.product;

import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.contracts.inventory.ProductRestocked;
import io.orderflow.contracts.inventory.CommittedStockReturned;
import io.orderflow.contracts.inventory.StockCommitted;
import io.orderflow.contracts.inventory.StockReleased;
import io.orderflow.contracts.inventory.StockReservationExpired;
import io.orderflow.contracts.inventory.StockReserved;
import io.orderflow.projections.readmodel.Generations;
import io.orderflow.projections.readmodel.ProjectionTarget;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Keeps the product catalogue ({@code product_view} of the generation being written) in step with the
 * inventory events. Each handler records what its event changes ({@link ProductStockWrites}): a hot product's
 * hundreds of reservations in a batch become one update of its row. An event is applied only when its sequence
 * number is above the row's {@code last_sequence}, so a redelivered event changes nothing. A change is
 * announced to the followers of the catalogue once it is committed.
 */
@Component
@ProcessingGroup(ProductCatalogueProjection.PROCESSING_GROUP)
class ProductCatalogueProjection {

    static final String PROCESSING_GROUP = "product-catalogue";

    private final JdbcTemplate jdbc;
    private final ProjectionTarget target;
    private final ProductUpdates updates;

    ProductCatalogueProjection(JdbcTemplate jdbc, Generations generations, PlatformTransactionManager transactionManager,
                               ProductUpdates updates) {
        this.jdbc = jdbc;
        this.target = new ProjectionTarget(PROCESSING_GROUP, generations, transactionManager);
        this.updates = updates;
    }

    @EventHandler
    void on(ProductAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        target.record(this::newWrites, writes -> writes.added(event, sequence, at));
    }

    @EventHandler
    void on(ProductRestocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.productId(), StockChange.restock(event.quantity()), sequence, at);
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.productId(), StockChange.reserve(event.quantity()), sequence, at);
    }

    @EventHandler
    void on(StockReleased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.productId(), StockChange.release(event.quantity()), sequence, at);
    }

    @EventHandler
    void on(StockReservationExpired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.productId(), StockChange.release(event.quantity()), sequence, at);
    }

    @EventHandler
    void on(StockCommitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.productId(), StockChange.commit(event.quantity()), sequence, at);
    }

    @EventHandler
    void on(CommittedStockReturned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.productId(), StockChange.giveBack(event.quantity()), sequence, at);
    }

    /**
     * Axon's own replay (a token reset) rebuilds the active generation in place from the first event;
     * without this the sequence check would skip every event. A replay through the operations endpoint
     * builds a new generation instead and never calls this.
     */
    @ResetHandler
    void forgetAllProducts() {
        jdbc.update("DELETE FROM " + target.activeGeneration().table("product_view"));
    }

    private void apply(ProductId productId, StockChange change, long sequence, Instant at) {
        target.record(this::newWrites, writes -> writes.changed(productId.value(), change, sequence, at));
    }

    private ProductStockWrites newWrites() {
        return new ProductStockWrites(jdbc, target.isLive() ? updates : null);
    }

    /** How many units an event moves between available, reserved and committed stock. */
    record StockChange(int available, int reserved, int committed) {

        StockChange plus(StockChange other) {
            return new StockChange(available + other.available, reserved + other.reserved, committed + other.committed);
        }


        static StockChange restock(int quantity) {
            return new StockChange(quantity, 0, 0);
        }

        static StockChange reserve(int quantity) {
            return new StockChange(-quantity, quantity, 0);
        }

        static StockChange release(int quantity) {
            return new StockChange(quantity, -quantity, 0);
        }

        static StockChange commit(int quantity) {
            return new StockChange(0, -quantity, quantity);
        }

        /** Committed stock of an order cancelled before it shipped is available again. */
        static StockChange giveBack(int quantity) {
            return new StockChange(quantity, 0, -quantity);
        }
    }
}

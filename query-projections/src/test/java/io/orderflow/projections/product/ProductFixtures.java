package io.orderflow.projections.product;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.contracts.inventory.ProductRestocked;
import io.orderflow.contracts.inventory.CommittedStockReturned;
import io.orderflow.contracts.inventory.StockCommitted;
import io.orderflow.contracts.inventory.StockReleased;
import io.orderflow.contracts.inventory.StockReservationExpired;
import io.orderflow.contracts.inventory.StockReservationRejected;
import io.orderflow.contracts.inventory.StockReserved;

/** Inventory events for the catalogue tests; every product and order gets a fresh random id. */
final class ProductFixtures {

    static final OrderId AN_ORDER = OrderId.random();

    private ProductFixtures() {
    }

    static ProductAdded aProductAdded(ProductId productId, int initialStock) {
        return aProductAdded(productId, "Teapot " + productId, Money.of("24.90", "EUR"), initialStock);
    }

    static ProductAdded aProductAdded(ProductId productId, String name) {
        return aProductAdded(productId, name, Money.of("9.99", "EUR"), 10);
    }

    static ProductAdded aProductAdded(ProductId productId, String name, Money price, int initialStock) {
        return new ProductAdded(productId, name, price, initialStock);
    }

    static ProductRestocked restocked(ProductId productId, int quantity) {
        return new ProductRestocked(productId, quantity);
    }

    static StockReserved reserved(ProductId productId, int quantity) {
        return new StockReserved(productId, AN_ORDER, quantity);
    }

    static StockReservationRejected rejected(ProductId productId, int requested, int available) {
        return new StockReservationRejected(productId, AN_ORDER, requested, available);
    }

    static StockReleased released(ProductId productId, int quantity) {
        return new StockReleased(productId, AN_ORDER, quantity);
    }

    static StockReservationExpired expired(ProductId productId, int quantity) {
        return new StockReservationExpired(productId, AN_ORDER, quantity);
    }

    static StockCommitted committed(ProductId productId, int quantity) {
        return new StockCommitted(productId, AN_ORDER, quantity);
    }

    static CommittedStockReturned returned(ProductId productId, int quantity) {
        return new CommittedStockReturned(productId, AN_ORDER, quantity);
    }
}

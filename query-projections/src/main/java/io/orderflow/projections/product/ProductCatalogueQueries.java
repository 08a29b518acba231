package io.orderflow.projections.product;

import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.FindAllProductsQuery;
import io.orderflow.contracts.inventory.FindProductQuery;
import io.orderflow.contracts.inventory.FindProductsByIdQuery;
import io.orderflow.contracts.inventory.FindProductsHoldingReservationsQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.projections.readmodel.Row;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Answers the catalogue queries from {@code projections.product_view} over R2DBC; an unknown product is null. */
@Component
class ProductCatalogueQueries {

    static final String COLUMNS = "product_id, name, price, currency, available, reserved, committed";
    private static final String SELECT_PRODUCTS = "SELECT " + COLUMNS + " FROM projections.product_view";

    private final DatabaseClient database;

    ProductCatalogueQueries(DatabaseClient database) {
        this.database = database;
    }

    @QueryHandler
    CompletableFuture<ProductView> handle(FindProductQuery query) {
        return database.sql(SELECT_PRODUCTS + " WHERE product_id = :productId")
                .bind("productId", query.productId().value())
                .map(row -> toView(row::get))
                .one()
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<List<ProductView>> handle(FindAllProductsQuery query) {
        return database.sql(SELECT_PRODUCTS + " ORDER BY name, product_id")
                .map(row -> toView(row::get))
                .all()
                .collectList()
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<List<ProductView>> handle(FindProductsByIdQuery query) {
        String[] productIds = query.productIds().stream().map(ProductId::value).toArray(String[]::new);
        return database.sql(SELECT_PRODUCTS + " WHERE product_id = ANY(:productIds) ORDER BY name, product_id")
                .bind("productIds", productIds)
                .map(row -> toView(row::get))
                .all()
                .collectList()
                .toFuture();
    }

    /** For the sweep of overdue reservations: the products that hold any. */
    @QueryHandler
    CompletableFuture<List<String>> handle(FindProductsHoldingReservationsQuery query) {
        return database.sql("SELECT product_id FROM projections.product_view WHERE reserved > 0")
                .map(row -> row.get("product_id", String.class))
                .all()
                .collectList()
                .toFuture();
    }

    /** NUMERIC(19,4) reads back as 12.5000; the view holds it at the currency's scale (12.50). */
    static ProductView toView(Row row) {
        return new ProductView(
                row.get("product_id", String.class),
                row.get("name", String.class),
                row.get("price", BigDecimal.class),
                row.get("currency", String.class),
                row.get("available", Integer.class),
                row.get("reserved", Integer.class),
                row.get("committed", Integer.class));
    }
}

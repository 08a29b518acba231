package io.orderflow.projections.product;

import static io.orderflow.projections.StoredEvents.INVENTORY;
import static io.orderflow.projections.IsolatedProjections.eventually;
import static io.orderflow.projections.StoredEvents.aProductWithTrade;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.FindAllProductsQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.platform.db.DatabaseProperties;
import io.orderflow.projections.IsolatedProjections;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Following the catalogue: each committed change of a product's stock arrives as the product as it is then. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSubscriptionTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired JdbcTemplate sharedJdbc;
    @Autowired DatabaseProperties database;

    IsolatedProjections projections;

    @BeforeAll
    void start() {
        projections = IsolatedProjections.start(sharedJdbc, database);
    }

    @AfterAll
    void stop() {
        projections.close();
    }

    @Test
    void tellsOfAChangeOnlyOnceAnotherConnectionCanReadIt() {
        ProductId productId = ProductId.random();
        SubscriptionQueryResult<List<ProductView>, ProductView> following = projections.bean(QueryGateway.class)
                .subscriptionQuery(new FindAllProductsQuery(), ResponseTypes.multipleInstancesOf(ProductView.class),
                        ResponseTypes.instanceOf(ProductView.class));
        try {
            following.initialResult().block(WAIT);
            // read as each update is delivered, on the thread that delivers it
            List<ProductView> told = new CopyOnWriteArrayList<>();
            List<Map<String, Object>> readWhenTold = new CopyOnWriteArrayList<>();
            following.updates().filter(product -> product.productId().equals(productId.value())).subscribe(product -> {
                readWhenTold.add(Objects.requireNonNullElse(
                        projections.committedRow("projections.product_view", "product_id", productId.value()), Map.of()));
                told.add(product);
            });

            projections.events().append(INVENTORY, productId, aProductWithTrade(productId, OrderId.random(), OrderId.random()));

            eventually(() -> told, products -> !products.isEmpty() && products.get(products.size() - 1).committed() == 2);
            assertThat(readWhenTold).allSatisfy(row -> assertThat(row).containsKey("available"));
        } finally {
            following.cancel();
        }
    }

    @Test
    void followsTheCatalogueWithTheStockOfAProductAsEachBatchLeavesIt() {
        ProductId productId = ProductId.random();
        SubscriptionQueryResult<List<ProductView>, ProductView> following = projections.bean(QueryGateway.class)
                .subscriptionQuery(new FindAllProductsQuery(), ResponseTypes.multipleInstancesOf(ProductView.class),
                        ResponseTypes.instanceOf(ProductView.class));
        try {
            assertThat(following.initialResult().block(WAIT)).extracting(ProductView::productId).doesNotContain(productId.value());

            projections.events().append(INVENTORY, productId, aProductWithTrade(productId, OrderId.random(), OrderId.random()));
            List<ProductView> updates = following.updates().filter(product -> product.productId().equals(productId.value()))
                    .takeUntil(product -> product.committed() == 2 && product.reserved() == 0)
                    .collectList().block(WAIT);

            // a batch's events come as the product stands after them: a hot product would otherwise flood its followers
            assertThat(updates).isNotEmpty();
            assertThat(updates).last().satisfies(product -> {
                assertThat(product.available()).isEqualTo(8);
                assertThat(product.reserved()).isZero();
                assertThat(product.committed()).isEqualTo(2);
            });
        } finally {
            following.cancel();
        }
    }
}

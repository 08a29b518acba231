package io.orderflow.projections.product;

import static io.orderflow.projections.product.ProductFixtures.aProductAdded;
import static io.orderflow.projections.product.ProductFixtures.committed;
import static io.orderflow.projections.product.ProductFixtures.expired;
import static io.orderflow.projections.product.ProductFixtures.returned;
import static io.orderflow.projections.product.ProductFixtures.rejected;
import static io.orderflow.projections.product.ProductFixtures.released;
import static io.orderflow.projections.product.ProductFixtures.reserved;
import static io.orderflow.projections.product.ProductFixtures.restocked;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.FindAllProductsQuery;
import io.orderflow.contracts.inventory.FindProductQuery;
import io.orderflow.contracts.inventory.FindProductsByIdQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.projections.DomainEventDelivery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
class ProductCatalogueProjectionTest {

    @Autowired
    ProductCatalogueProjection projection;
    @Autowired
    ProductCatalogueQueries queries;
    @Autowired
    PlatformTransactionManager transactionManager;

    DomainEventDelivery inventory;
    final ProductId productId = ProductId.random();

    @BeforeEach
    void connectTheProjection() {
        inventory = new DomainEventDelivery("Inventory", projection, queries, transactionManager);
    }

    @Nested
    class FollowingTheStock {

        @Test
        void addsAProductWithItsPriceAndInitialStock() {
            inventory.deliver(productId, 0, aProductAdded(productId, "Teapot", Money.of("24.90", "EUR"), 7));

            assertThat(product(productId)).isEqualTo(
                    new ProductView(productId.value(), "Teapot", new BigDecimal("24.90"), "EUR", 7, 0, 0));
        }

        @Test
        void showsThePriceAtTheScaleOfItsCurrency() {
            inventory.deliver(productId, 0, aProductAdded(productId, "Tea bowl", Money.of("1200", "JPY"), 1));

            assertThat(product(productId).price()).isEqualTo(new BigDecimal("1200"));
        }

        @Test
        void restockingAddsToTheAvailableStock() {
            inventory.deliver(productId, 0, aProductAdded(productId, 5));
            inventory.deliver(productId, 1, restocked(productId, 3));

            assertThat(stockOf(productId)).containsExactly(8, 0, 0);
        }

        @Test
        void reservingMovesUnitsFromAvailableToReserved() {
            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 1, reserved(productId, 4));

            assertThat(stockOf(productId)).containsExactly(6, 4, 0);
        }

        @Test
        void releasingGivesReservedUnitsBackToAvailable() {
            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 1, reserved(productId, 4));
            inventory.deliver(productId, 2, released(productId, 4));

            assertThat(stockOf(productId)).containsExactly(10, 0, 0);
        }

        @Test
        void anExpiredReservationGoesBackToAvailable() {
            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 1, reserved(productId, 4));
            inventory.deliver(productId, 2, expired(productId, 4));

            assertThat(stockOf(productId)).containsExactly(10, 0, 0);
        }

        @Test
        void committingMovesReservedUnitsToCommitted() {
            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 1, reserved(productId, 4));
            inventory.deliver(productId, 2, committed(productId, 4));

            assertThat(stockOf(productId)).containsExactly(6, 0, 4);
        }

        @Test
        void returnedStockOfACancelledConfirmedOrderIsAvailableAgain() {
            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 1, reserved(productId, 4));
            inventory.deliver(productId, 2, committed(productId, 4));
            inventory.deliver(productId, 3, returned(productId, 4));

            assertThat(stockOf(productId)).containsExactly(10, 0, 0);
        }

        @Test
        void aRejectedReservationChangesNothing() {
            inventory.deliver(productId, 0, aProductAdded(productId, 2));
            inventory.deliver(productId, 1, reserved(productId, 1));
            inventory.deliver(productId, 2, rejected(productId, 5, 1));

            assertThat(stockOf(productId)).containsExactly(1, 1, 0);
        }

        @Test
        void eventsAfterARejectedReservationStillApply() {
            inventory.deliver(productId, 0, aProductAdded(productId, 2));
            inventory.deliver(productId, 1, rejected(productId, 5, 2));
            inventory.deliver(productId, 2, reserved(productId, 2));

            assertThat(stockOf(productId)).containsExactly(0, 2, 0);
        }
    }

    @Nested
    class ReceivingAnEventAgain {

        @Test
        void appliesARedeliveredReservationOnce() {
            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 1, reserved(productId, 4));
            inventory.deliver(productId, 1, reserved(productId, 4));

            assertThat(stockOf(productId)).containsExactly(6, 4, 0);
        }

        @Test
        void aRedeliveredProductAddedKeepsTheStockAsItIs() {
            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 1, reserved(productId, 4));
            inventory.deliver(productId, 0, aProductAdded(productId, 10));

            assertThat(stockOf(productId)).containsExactly(6, 4, 0);
        }

        @Test
        void ignoresAnEventOlderThanTheLastOneApplied() {
            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 2, restocked(productId, 5));
            inventory.deliver(productId, 1, reserved(productId, 4));

            assertThat(stockOf(productId)).containsExactly(15, 0, 0);
        }

        @Test
        void rebuildsTheCatalogueFromTheFirstEventAfterAReset() {
            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 1, reserved(productId, 4));

            inventory.reset();
            assertThat(product(productId)).isNull();

            inventory.deliver(productId, 0, aProductAdded(productId, 10));
            inventory.deliver(productId, 1, reserved(productId, 4));
            assertThat(stockOf(productId)).containsExactly(6, 4, 0);
        }
    }

    @Nested
    class AnsweringQueries {

        @Test
        void answersNullForAnUnknownProduct() {
            assertThat(product(ProductId.random())).isNull();
        }

        @Test
        void listsTheCatalogueOrderedByName() {
            // ids sort the other way round, so ordering by id would fail
            ProductId alpha = ProductId.of("c-" + productId);
            ProductId bravo = ProductId.of("b-" + productId);
            ProductId charlie = ProductId.of("a-" + productId);
            String family = "Mug " + productId + " ";
            inventory.deliver(bravo, 0, aProductAdded(bravo, family + "b"));
            inventory.deliver(alpha, 0, aProductAdded(alpha, family + "a"));
            inventory.deliver(charlie, 0, aProductAdded(charlie, family + "c"));

            List<ProductView> catalogue = inventory.query(
                    new FindAllProductsQuery(), ResponseTypes.multipleInstancesOf(ProductView.class));

            assertThat(catalogue)
                    .filteredOn(product -> Set.of(alpha.value(), bravo.value(), charlie.value()).contains(product.productId()))
                    .extracting(ProductView::productId)
                    .containsExactly(alpha.value(), bravo.value(), charlie.value());
        }

        @Test
        void findsTheRequestedProductsAndLeavesOutUnknownIds() {
            ProductId teapot = ProductId.random();
            ProductId cup = ProductId.random();
            ProductId notAsked = ProductId.random();
            inventory.deliver(teapot, 0, aProductAdded(teapot, 3));
            inventory.deliver(cup, 0, aProductAdded(cup, 4));
            inventory.deliver(notAsked, 0, aProductAdded(notAsked, 5));

            List<ProductView> found = productsById(Set.of(teapot, cup, ProductId.random()));

            assertThat(found).extracting(ProductView::productId).containsExactlyInAnyOrder(teapot.value(), cup.value());
        }

        @Test
        void findsNothingWhenNoIdIsAsked() {
            assertThat(productsById(Set.of())).isEmpty();
        }
    }

    private ProductView product(ProductId id) {
        return inventory.query(new FindProductQuery(id), ResponseTypes.instanceOf(ProductView.class));
    }

    private List<ProductView> productsById(Set<ProductId> ids) {
        return inventory.query(new FindProductsByIdQuery(ids), ResponseTypes.multipleInstancesOf(ProductView.class));
    }

    /** Available, reserved and committed units of a product, in that order. */
    private List<Integer> stockOf(ProductId id) {
        ProductView view = product(id);
        return List.of(view.available(), view.reserved(), view.committed());
    }
}

package io.orderflow.edge.catalogue;

import static io.orderflow.edge.EdgeFixtures.aNewProduct;
import static io.orderflow.edge.EdgeFixtures.aProduct;
import static io.orderflow.edge.EdgeFixtures.aRestock;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.inventory.RestockProductCommand;
import io.orderflow.edge.EdgeFixtures.Json;
import io.orderflow.edge.EdgeHttpTest;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class CatalogueEndpointsTest extends EdgeHttpTest {

    @Nested
    class AddProduct {

        private WebTestClient.ResponseSpec add(Json product) {
            return admin.post().uri("/api/admin/products").bodyValue(product).exchange();
        }

        @Test
        void addsProductUnderGeneratedIdAndAnswersCreatedWithItsLocation() {
            EntityExchangeResult<byte[]> result = add(aNewProduct())
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.productId").isNotEmpty()
                    .returnResult();

            AddProductCommand command = backend.commands(AddProductCommand.class).get(0);
            String productId = command.productId().value();
            assertThat(UUID.fromString(productId)).isNotNull();
            assertThat(new String(result.getResponseBodyContent())).contains("\"productId\":\"" + productId + "\"");
            assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/products/" + productId);
            assertThat(command.name()).isEqualTo("Espresso beans 1kg");
            assertThat(command.price()).isEqualTo(Money.of("24.90", "EUR"));
            assertThat(command.initialStock()).isEqualTo(40);
        }

        @Test
        void pricesInTheConfiguredDefaultCurrencyWhenNoneIsGiven() {
            add(aNewProduct().without("currency")).expectStatus().isCreated();

            assertThat(backend.commands(AddProductCommand.class).get(0).price()).isEqualTo(Money.of("24.90", "CHF"));
        }

        @Test
        void acceptsWholeAmountsInACurrencyWithoutDecimals() {
            add(aNewProduct().with("price", 1500).with("currency", "JPY")).expectStatus().isCreated();

            assertThat(backend.commands(AddProductCommand.class).get(0).price()).isEqualTo(Money.of("1500", "JPY"));
        }

        @Test
        void acceptsAFreeProductWithoutStock() {
            add(aNewProduct().with("price", 0).with("initialStock", 0)).expectStatus().isCreated();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void rejectsABlankName(String name) {
            expectInvalid(add(aNewProduct().with("name", name)), "name");
            assertThat(backend.commands()).isEmpty();
        }

        @Test
        void rejectsANameLongerThan200Characters() {
            expectInvalid(add(aNewProduct().with("name", "x".repeat(201))), "name");
        }

        @Test
        void rejectsANegativePrice() {
            expectInvalid(add(aNewProduct().with("price", new BigDecimal("-0.01"))), "price");
        }

        @Test
        void rejectsAMissingPrice() {
            expectInvalid(add(aNewProduct().without("price")), "price");
        }

        @Test
        void rejectsMoreDecimalsThanTheCurrencyHas() {
            expectProblem(add(aNewProduct().with("price", new BigDecimal("24.999"))), HttpStatus.BAD_REQUEST,
                    ErrorCode.INVALID_PRICE)
                    .jsonPath("$.errors[0].field").isEqualTo("price");
            expectProblem(add(aNewProduct().with("price", new BigDecimal("10.5")).with("currency", "JPY")),
                    HttpStatus.BAD_REQUEST, ErrorCode.INVALID_PRICE);
            assertThat(backend.commands()).isEmpty();
        }

        @Test
        void acceptsTrailingZerosBeyondTheCurrencysDecimals() {
            add(aNewProduct().with("price", new BigDecimal("24.9000"))).expectStatus().isCreated();
        }

        @ParameterizedTest
        @ValueSource(strings = {"EURO", "eur", "ABC", "XAU", ""})
        void rejectsACurrencyThatIsNotASupportedIsoCode(String currency) {
            expectProblem(add(aNewProduct().with("currency", currency)), HttpStatus.BAD_REQUEST,
                    ErrorCode.UNSUPPORTED_CURRENCY)
                    .jsonPath("$.errors[0].field").isEqualTo("currency");
            assertThat(backend.commands()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 1_000_001})
        void rejectsAnInitialStockOutsideZeroToAMillion(int initialStock) {
            expectInvalid(add(aNewProduct().with("initialStock", initialStock)), "initialStock");
        }

        @Test
        void acceptsAMillionUnitsOfInitialStock() {
            add(aNewProduct().with("initialStock", 1_000_000)).expectStatus().isCreated();
        }
    }

    @Nested
    class Restock {

        private WebTestClient.ResponseSpec restock(String productId, Json body) {
            return admin.post().uri("/api/admin/products/{id}/restock", productId).bodyValue(body).exchange();
        }

        @Test
        void restocksAKnownProductAndAnswersAcceptedWithItsLocation() {
            ProductView product = aProduct();
            backend.has(product);

            restock(product.productId(), aRestock(25))
                    .expectStatus().isAccepted()
                    .expectHeader().location("/api/products/" + product.productId())
                    .expectBody().jsonPath("$.productId").isEqualTo(product.productId());

            assertThat(backend.commands(RestockProductCommand.class))
                    .containsExactly(new RestockProductCommand(ProductId.of(product.productId()), 25));
        }

        @Test
        void answersNotFoundForAnUnknownProduct() {
            expectProblem(restock("no-such-product", aRestock(5)), HttpStatus.NOT_FOUND, ErrorCode.PRODUCT_NOT_FOUND)
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("no-such-product"));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -3, 1_000_001})
        void rejectsAQuantityOutsideOneToAMillion(int quantity) {
            ProductView product = aProduct();
            backend.has(product);

            expectInvalid(restock(product.productId(), aRestock(quantity)), "quantity");
            assertThat(backend.commands()).isEmpty();
        }

        @Test
        void rejectsAMissingQuantity() {
            expectInvalid(restock(aProduct().productId(), Json.object()), "quantity");
        }
    }

    @Nested
    class ListProducts {

        @Test
        void listsTheCatalogueWithStockFigures() {
            ProductView beans = aProduct("Espresso beans 1kg", "24.90", "EUR");
            ProductView grinder = aProduct("Grinder", "129.00", "EUR");
            backend.has(grinder, beans);

            http.get().uri("/api/products").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.length()").isEqualTo(2)
                    .jsonPath("$[0].productId").isEqualTo(beans.productId())
                    .jsonPath("$[0].name").isEqualTo("Espresso beans 1kg")
                    .jsonPath("$[0].price").isEqualTo(24.90)
                    .jsonPath("$[0].currency").isEqualTo("EUR")
                    .jsonPath("$[0].available").isEqualTo(40)
                    .jsonPath("$[0].reserved").isEqualTo(3)
                    .jsonPath("$[0].committed").isEqualTo(7)
                    .jsonPath("$[1].name").isEqualTo("Grinder");
        }

        @Test
        void answersAnEmptyArrayForAnEmptyCatalogue() {
            http.get().uri("/api/products").exchange()
                    .expectStatus().isOk()
                    .expectBody().json("[]");
        }
    }

    @Nested
    class GetProduct {

        @Test
        void answersTheProduct() {
            ProductView product = aProduct();
            backend.has(product);

            http.get().uri("/api/products/{id}", product.productId()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.productId").isEqualTo(product.productId())
                    .jsonPath("$.name").isEqualTo(product.name())
                    .jsonPath("$.price").isEqualTo(24.90)
                    .jsonPath("$.currency").isEqualTo("EUR")
                    .jsonPath("$.available").isEqualTo(40);
        }

        @Test
        void answersNotFoundForAnUnknownProduct() {
            expectProblem(http.get().uri("/api/products/{id}", "no-such-product").exchange(), HttpStatus.NOT_FOUND,
                    ErrorCode.PRODUCT_NOT_FOUND);
        }

        @Test
        void answersNotFoundForABlankId() {
            expectProblem(http.get().uri(uri -> uri.path("/api/products/{id}").build(" ")).exchange(), HttpStatus.NOT_FOUND,
                    ErrorCode.PRODUCT_NOT_FOUND);
        }
    }
}

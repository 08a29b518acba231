package io.orderflow.edge.order;

import static io.orderflow.edge.EdgeFixtures.aCancelledOrder;
import static io.orderflow.edge.EdgeFixtures.aLine;
import static io.orderflow.edge.EdgeFixtures.aProduct;
import static io.orderflow.edge.EdgeFixtures.anAddress;
import static io.orderflow.edge.EdgeFixtures.anOrder;
import static io.orderflow.edge.EdgeFixtures.anOrderFor;
import static io.orderflow.edge.EdgeFixtures.anOrderWithLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import io.orderflow.contracts.order.ShippingAddress;
import io.orderflow.edge.EdgeFixtures.Json;
import io.orderflow.edge.EdgeHttpTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class OrderEndpointsTest extends EdgeHttpTest {

    @Nested
    class PlaceOrder {

        private WebTestClient.ResponseSpec place(Json order) {
            return http.post().uri("/api/orders").bodyValue(order).exchange();
        }

        @Test
        void placesAnOrderPricedFromTheCatalogueAndAnswersAcceptedWithItsLocation() {
            ProductView beans = aProduct("Espresso beans 1kg", "24.90", "EUR");
            ProductView grinder = aProduct("Grinder", "129.00", "EUR");
            backend.has(beans, grinder);
            Json order = anOrderWithLines(List.of(
                    aLine(beans.productId(), 2).with("unitPrice", "0.01").with("price", "0.01").with("name", "Free beans"),
                    aLine(grinder.productId(), 1).with("productName", "Gift")));

            EntityExchangeResult<byte[]> result = place(order)
                    .expectStatus().isAccepted()
                    .expectBody()
                    .jsonPath("$.orderId").isNotEmpty()
                    .jsonPath("$.status").isEqualTo("PENDING")
                    .returnResult();

            PlaceOrderCommand command = backend.commands(PlaceOrderCommand.class).get(0);
            String orderId = command.orderId().value();
            assertThat(UUID.fromString(orderId)).isNotNull();
            assertThat(new String(result.getResponseBodyContent())).contains("\"orderId\":\"" + orderId + "\"");
            assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/orders/" + orderId);
            assertThat(command.customerId()).isEqualTo(CustomerId.of("customer-42"));
            assertThat(command.lines()).containsExactly(
                    new OrderLine(ProductId.of(beans.productId()), "Espresso beans 1kg", 2, Money.of("24.90", "EUR")),
                    new OrderLine(ProductId.of(grinder.productId()), "Grinder", 1, Money.of("129.00", "EUR")));
            assertThat(command.shippingAddress()).isEqualTo(
                    new ShippingAddress("Ada Lovelace", "12 St James's Square", null, "London", "SW1Y 4JH", "GB"));
        }

        @Test
        void generatesADifferentIdForEachOrder() {
            ProductView beans = aProduct();
            backend.has(beans);

            place(anOrderFor(beans)).expectStatus().isAccepted();
            place(anOrderFor(beans)).expectStatus().isAccepted();

            List<PlaceOrderCommand> placed = backend.commands(PlaceOrderCommand.class);
            assertThat(placed).hasSize(2);
            assertThat(placed.get(0).orderId()).isNotEqualTo(placed.get(1).orderId());
        }

        @Test
        void rejectsAProductOrderedInTwoLines() {
            ProductView beans = aProduct();
            backend.has(beans);

            expectProblem(place(anOrderWithLines(List.of(aLine(beans.productId(), 1), aLine(beans.productId(), 2)))),
                    HttpStatus.BAD_REQUEST, ErrorCode.DUPLICATE_PRODUCT_IN_ORDER)
                    .jsonPath("$.errors[0].field").isEqualTo("lines[1].productId");
            assertThat(backend.commands()).isEmpty();
        }

        @Test
        void refusesUnknownProductsNamingThem() {
            ProductView beans = aProduct();
            backend.has(beans);

            expectProblem(place(anOrderWithLines(List.of(aLine(beans.productId(), 1), aLine("ghost-1", 1),
                            aLine("ghost-2", 1)))),
                    HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.UNKNOWN_PRODUCT)
                    .jsonPath("$.unknownProductIds").isEqualTo(List.of("ghost-1", "ghost-2"))
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ghost-1", "ghost-2"));
            assertThat(backend.commands()).isEmpty();
        }

        @Test
        void refusesProductsPricedInDifferentCurrencies() {
            ProductView beans = aProduct("Espresso beans 1kg", "24.90", "EUR");
            ProductView mug = aProduct("Mug", "12.00", "USD");
            backend.has(beans, mug);

            expectProblem(place(anOrderFor(beans, mug)), HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.CURRENCY_MISMATCH)
                    .jsonPath("$.currencies").isEqualTo(List.of("EUR", "USD"));
            assertThat(backend.commands()).isEmpty();
        }

        @Test
        void rejectsAnOrderWithoutLines() {
            expectInvalid(place(anOrderWithLines(List.of())), "lines");
        }

        @Test
        void rejectsAnOrderWithMoreThan100Lines() {
            List<Json> lines = IntStream.range(0, 101).mapToObj(i -> aLine("product-" + i, 1)).toList();
            expectInvalid(place(anOrderWithLines(lines)), "lines");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 10_001})
        void rejectsAQuantityOutsideOneToTenThousand(int quantity) {
            expectInvalid(place(anOrderWithLines(List.of(aLine("p-1", quantity)))), "lines[0].quantity");
        }

        @Test
        void rejectsALineWithoutProduct() {
            expectInvalid(place(anOrderWithLines(List.of(aLine(" ", 1)))), "lines[0].productId");
        }

        @Test
        void rejectsABlankCustomer() {
            expectInvalid(place(anOrderFor(aProduct()).with("customerId", "")), "customerId");
        }

        @Test
        void rejectsACustomerIdLongerThan100Characters() {
            expectInvalid(place(anOrderFor(aProduct()).with("customerId", "c".repeat(101))), "customerId");
        }

        @Test
        void rejectsAnOrderWithoutShippingAddress() {
            expectInvalid(place(anOrderFor(aProduct()).without("shippingAddress")), "shippingAddress");
        }

        @Test
        void rejectsAnAddressWithABlankCity() {
            expectInvalid(place(anOrderFor(aProduct()).with("shippingAddress", anAddress().with("city", " "))),
                    "shippingAddress.city");
        }

        @Test
        void rejectsAnOverlongAddressLine() {
            expectInvalid(place(anOrderFor(aProduct()).with("shippingAddress",
                    anAddress().with("line2", "x".repeat(201)))), "shippingAddress.line2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Germany", "gb", "XX", "G"})
        void rejectsACountryThatIsNotAnIsoAlpha2Code(String country) {
            expectInvalid(place(anOrderFor(aProduct()).with("shippingAddress", anAddress().with("country", country))),
                    "shippingAddress.country");
            assertThat(backend.commands()).isEmpty();
        }
    }

    @Nested
    class GetOrder {

        @Test
        void answersTheOrderAsTheReadModelHasIt() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);

            http.get().uri("/api/orders/{id}", order.orderId()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.orderId").isEqualTo(order.orderId())
                    .jsonPath("$.customerId").isEqualTo("customer-42")
                    .jsonPath("$.status").isEqualTo("CONFIRMED")
                    .jsonPath("$.cancellationReason").isEmpty()
                    .jsonPath("$.cancellationDetail").isEmpty()
                    .jsonPath("$.lines[0].productId").isEqualTo(order.lines().get(0).productId())
                    .jsonPath("$.lines[0].name").isEqualTo("Espresso beans 1kg")
                    .jsonPath("$.lines[0].quantity").isEqualTo(2)
                    .jsonPath("$.lines[0].unitPrice").isEqualTo(24.90)
                    .jsonPath("$.lines[0].lineTotal").isEqualTo(49.80)
                    .jsonPath("$.subtotal").isEqualTo(49.80)
                    .jsonPath("$.tax").isEqualTo(9.46)
                    .jsonPath("$.total").isEqualTo(59.26)
                    .jsonPath("$.currency").isEqualTo("EUR")
                    .jsonPath("$.createdAt").isEqualTo("2026-03-01T10:15:30Z")
                    .jsonPath("$.updatedAt").isEqualTo("2026-03-01T10:17:00Z");
        }

        @Test
        void showsWhyACancelledOrderWasCancelled() {
            OrderView order = aCancelledOrder();
            backend.has(order);

            http.get().uri("/api/orders/{id}", order.orderId()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("CANCELLED")
                    .jsonPath("$.cancellationReason").isEqualTo("OUT_OF_STOCK")
                    .jsonPath("$.cancellationDetail").isEqualTo("only 1 of 2 available");
        }

        @Test
        void answersNotFoundForAnUnknownOrder() {
            expectProblem(http.get().uri("/api/orders/{id}", "no-such-order").exchange(), HttpStatus.NOT_FOUND,
                    ErrorCode.ORDER_NOT_FOUND);
        }

        @Test
        void answersNotFoundForABlankId() {
            expectProblem(http.get().uri(uri -> uri.path("/api/orders/{id}").build(" ")).exchange(), HttpStatus.NOT_FOUND, ErrorCode.ORDER_NOT_FOUND);
        }
    }

    @Nested
    class CancelOrder {

        private WebTestClient.ResponseSpec cancel(String orderId) {
            return http.post().uri("/api/orders/{id}/cancel", orderId).exchange();
        }

        @Test
        void cancelsForTheCustomerAndAnswersAcceptedWithItsLocation() {
            OrderView order = anOrder(OrderStatus.AWAITING_PAYMENT);
            backend.has(order);

            cancel(order.orderId())
                    .expectStatus().isAccepted()
                    .expectHeader().location("/api/orders/" + order.orderId())
                    .expectBody()
                    .jsonPath("$.orderId").isEqualTo(order.orderId())
                    .jsonPath("$.status").isEqualTo("CANCELLED");

            assertThat(backend.commands()).containsExactly(new CancelOrderCommand(OrderId.of(order.orderId()),
                    CancellationReason.CUSTOMER_REQUEST, "cancelled by the customer"));
        }

        @Test
        void answersNotFoundForAnUnknownOrder() {
            expectProblem(cancel("no-such-order"), HttpStatus.NOT_FOUND, ErrorCode.ORDER_NOT_FOUND);
        }

        @Test
        void answersConflictWhenTheOrderHasAlreadyShipped() {
            OrderView order = anOrder(OrderStatus.SHIPPED);
            backend.has(order);
            backend.failsNextCommandsWith(new BusinessRuleViolation(ErrorCode.ORDER_ALREADY_SHIPPED, "Order has shipped."));

            expectProblem(cancel(order.orderId()), HttpStatus.CONFLICT, ErrorCode.ORDER_ALREADY_SHIPPED);
        }
    }

    @Nested
    class ShipOrder {

        private WebTestClient.ResponseSpec ship(String orderId) {
            return admin.post().uri("/api/admin/orders/{id}/ship", orderId).exchange();
        }

        @Test
        void shipsTheOrderAndAnswersAcceptedWithItsLocation() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);

            ship(order.orderId())
                    .expectStatus().isAccepted()
                    .expectHeader().location("/api/orders/" + order.orderId())
                    .expectBody()
                    .jsonPath("$.orderId").isEqualTo(order.orderId())
                    .jsonPath("$.status").isEqualTo("SHIPPED");

            assertThat(backend.commands()).containsExactly(new ShipOrderCommand(OrderId.of(order.orderId())));
        }

        @Test
        void answersNotFoundForAnUnknownOrder() {
            expectProblem(ship("no-such-order"), HttpStatus.NOT_FOUND, ErrorCode.ORDER_NOT_FOUND);
        }

        @Test
        void answersNotFoundForABlankIdWithoutSendingACommand() {
            expectProblem(admin.post().uri(uri -> uri.path("/api/admin/orders/{id}/ship").build(" ")).exchange(), HttpStatus.NOT_FOUND,
                    ErrorCode.ORDER_NOT_FOUND);
            assertThat(backend.commands()).isEmpty();
        }

        @Test
        void answersConflictWithTheAggregatesCodeWhenTheOrderCannotBeShipped() {
            OrderView order = anOrder(OrderStatus.PENDING);
            backend.has(order);
            backend.failsNextCommandsWith(
                    new BusinessRuleViolation(ErrorCode.ILLEGAL_ORDER_TRANSITION, "A PENDING order cannot be shipped."));

            expectProblem(ship(order.orderId()), HttpStatus.CONFLICT, ErrorCode.ILLEGAL_ORDER_TRANSITION)
                    .jsonPath("$.detail").isEqualTo("A PENDING order cannot be shipped.");
        }
    }

    @Nested
    class DeliverOrder {

        private WebTestClient.ResponseSpec deliver(String orderId) {
            return admin.post().uri("/api/admin/orders/{id}/deliver", orderId).exchange();
        }

        @Test
        void deliversTheOrderAndAnswersAcceptedWithItsLocation() {
            OrderView order = anOrder(OrderStatus.SHIPPED);
            backend.has(order);

            deliver(order.orderId())
                    .expectStatus().isAccepted()
                    .expectHeader().location("/api/orders/" + order.orderId())
                    .expectBody()
                    .jsonPath("$.orderId").isEqualTo(order.orderId())
                    .jsonPath("$.status").isEqualTo("DELIVERED");

            assertThat(backend.commands()).containsExactly(new DeliverOrderCommand(OrderId.of(order.orderId())));
        }

        @Test
        void answersNotFoundForAnUnknownOrder() {
            expectProblem(deliver("no-such-order"), HttpStatus.NOT_FOUND, ErrorCode.ORDER_NOT_FOUND);
        }

        @Test
        void answersConflictWithTheAggregatesCodeWhenTheOrderCannotBeDelivered() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);
            backend.failsNextCommandsWith(
                    new BusinessRuleViolation(ErrorCode.ILLEGAL_ORDER_TRANSITION, "Only a shipped order can be delivered."));

            expectProblem(deliver(order.orderId()), HttpStatus.CONFLICT, ErrorCode.ILLEGAL_ORDER_TRANSITION);
        }
    }
}

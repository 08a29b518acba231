package io.orderflow.edge.idempotency;

import static io.orderflow.edge.EdgeFixtures.aLine;
import static io.orderflow.edge.EdgeFixtures.aProduct;
import static io.orderflow.edge.EdgeFixtures.anOrder;
import static io.orderflow.edge.EdgeFixtures.anOrderFor;
import static io.orderflow.edge.EdgeFixtures.anOrderWithLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.edge.EdgeFixtures.Json;
import io.orderflow.edge.EdgeHttpTest;
import io.orderflow.edge.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class IdempotencyKeyTest extends EdgeHttpTest {

    private static final String KEY = Idempotency.HEADER;

    private WebTestClient.ResponseSpec place(WebTestClient client, String key, Json order) {
        return client.post().uri("/api/orders").header(KEY, key).bodyValue(order).exchange();
    }

    @Nested
    class PlaceOrder {

        @Test
        void answersTheFirstResponseAgainAndPlacesOneOrder() {
            ProductView beans = aProduct();
            backend.has(beans);
            String key = UUID.randomUUID().toString();

            EntityExchangeResult<byte[]> first = place(http, key, anOrderFor(beans)).expectStatus().isAccepted()
                    .expectBody().returnResult();
            EntityExchangeResult<byte[]> again = place(http, key, anOrderFor(beans)).expectStatus().isAccepted()
                    .expectHeader().valueEquals(Idempotency.REPLAYED_HEADER, "true")
                    .expectBody().returnResult();

            assertThat(new String(again.getResponseBodyContent())).isEqualTo(new String(first.getResponseBodyContent()));
            assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
            assertThat(backend.placements()).singleElement()
                    .satisfies(placed -> assertThat(placed.orderId())
                            .as("the key names the order").isEqualTo(OrderId.forIdempotencyKey(CustomerId.of(TestTokens.CUSTOMER), key)))
                    .satisfies(placed -> assertThat(new String(first.getResponseBodyContent())).contains(placed.orderId().value()));
        }

        @Test
        void treatsTheSameBodyWithFieldsInAnotherOrderAsTheSameRequest() {
            ProductView beans = aProduct();
            backend.has(beans);
            String key = UUID.randomUUID().toString();
            Json order = anOrderFor(beans);
            Json reordered = Json.object().with("shippingAddress", order.get("shippingAddress"))
                    .with("lines", order.get("lines")).with("customerId", order.get("customerId"));

            place(http, key, order).expectStatus().isAccepted();
            place(http, key, reordered).expectStatus().isAccepted().expectHeader().valueEquals(Idempotency.REPLAYED_HEADER, "true");

            assertThat(backend.placements()).hasSize(1);
        }

        @Test
        void refusesTheSameKeyWithADifferentBody() {
            ProductView beans = aProduct();
            backend.has(beans);
            String key = UUID.randomUUID().toString();

            place(http, key, anOrderWithLines(List.of(aLine(beans.productId(), 1)))).expectStatus().isAccepted();
            expectProblem(place(http, key, anOrderWithLines(List.of(aLine(beans.productId(), 2)))),
                    HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IDEMPOTENCY_KEY_REUSED);

            assertThat(backend.placements()).singleElement()
                    .satisfies(placed -> assertThat(placed.lines().get(0).quantity()).isEqualTo(1));
        }

        @Test
        void refusesTheSameKeyForAnotherShippingAddress() {
            ProductView beans = aProduct();
            backend.has(beans);
            String key = UUID.randomUUID().toString();
            Json elsewhere = anOrderFor(beans);
            ((Json) elsewhere.get("shippingAddress")).with("city", "Elsewhere");

            place(http, key, anOrderFor(beans)).expectStatus().isAccepted();
            expectProblem(place(http, key, elsewhere), HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IDEMPOTENCY_KEY_REUSED);

            assertThat(backend.placements()).hasSize(1);
        }

        @Test
        void answersConflictWhileTheFirstRequestIsStillInFlight() {
            ProductView beans = aProduct();
            backend.has(beans);
            backend.hangsOnCommands();
            String key = UUID.randomUUID().toString();

            CompletableFuture<HttpStatusCode> first = CompletableFuture.supplyAsync(
                    () -> place(http, key, anOrderFor(beans)).returnResult(Void.class).getStatus());
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !backend.commands().isEmpty());
            expectProblem(place(http, key, anOrderFor(beans)), HttpStatus.CONFLICT, ErrorCode.IDEMPOTENCY_KEY_IN_USE);

            // the edge's timeout ends the first request; whether its command placed the order by then decides its answer
            assertThat(first.join()).isIn(HttpStatus.GATEWAY_TIMEOUT, HttpStatus.ACCEPTED);
            assertThat(backend.commands(PlaceOrderCommand.class)).as("the repeat sent nothing").hasSize(1);
        }

        @Test
        void aKeyWhoseClaimIsGoneStillNamesItsOrder() {
            ProductView beans = aProduct();
            backend.has(beans);
            String key = UUID.randomUUID().toString();
            place(http, key, anOrderWithLines(List.of(aLine(beans.productId(), 1)))).expectStatus().isAccepted();
            idempotencyKeys.reset(); // as after the claim's retention, or a takeover after the in-flight timeout

            place(http, key, anOrderWithLines(List.of(aLine(beans.productId(), 1)))).expectStatus().isAccepted()
                    .expectHeader().valueEquals(Idempotency.REPLAYED_HEADER, "true");
            expectProblem(place(http, key, anOrderWithLines(List.of(aLine(beans.productId(), 2)))),
                    HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IDEMPOTENCY_KEY_REUSED);

            assertThat(backend.placements()).as("the event store refused the second stream").hasSize(1);
            place(http, key, anOrderWithLines(List.of(aLine(beans.productId(), 1)))).expectStatus().isAccepted()
                    .expectHeader().valueEquals(Idempotency.REPLAYED_HEADER, "true");
        }

        @Test
        void keepsKeysApartPerCustomer() {
            ProductView beans = aProduct();
            backend.has(beans);
            String key = UUID.randomUUID().toString();

            place(http, key, anOrderFor(beans)).expectStatus().isAccepted();
            place(as(TestTokens.customer("customer-7")), key, anOrderFor(beans).without("customerId")).expectStatus().isAccepted();

            assertThat(backend.placements()).extracting(placed -> placed.customerId().value())
                    .containsExactlyInAnyOrder(TestTokens.CUSTOMER, "customer-7");
        }

        @Test
        void letsARetryRunAgainAfterTheFirstRequestFailed() {
            ProductView beans = aProduct();
            String key = UUID.randomUUID().toString();

            expectProblem(place(http, key, anOrderFor(beans)), HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.UNKNOWN_PRODUCT);
            backend.has(beans);
            place(http, key, anOrderFor(beans)).expectStatus().isAccepted().expectHeader().doesNotExist(Idempotency.REPLAYED_HEADER);

            assertThat(backend.placements()).hasSize(1);
        }

        @Test
        void putsTheKeyAndTheCallerIntoTheCommandsMetadata() {
            ProductView beans = aProduct();
            backend.has(beans);

            place(http, "key-for-the-audit", anOrderFor(beans)).expectStatus().isAccepted();
            http.post().uri("/api/orders").bodyValue(anOrderFor(beans)).exchange().expectStatus().isAccepted();

            assertThat(backend.orderCommandMetadata()).hasSize(2);
            assertThat(backend.orderCommandMetadata().get(0)).containsEntry("idempotencyKey", "key-for-the-audit")
                    .containsEntry("who", TestTokens.CUSTOMER);
            assertThat(backend.orderCommandMetadata().get(1)).doesNotContainKey("idempotencyKey")
                    .containsEntry("who", TestTokens.CUSTOMER);
        }

        @Test
        void refusesAKeyThatIsTooLongOrNotPrintable() {
            ProductView beans = aProduct();
            backend.has(beans);

            expectInvalid(place(http, "k".repeat(256), anOrderFor(beans)), Idempotency.HEADER);
            expectInvalid(place(http, "two words", anOrderFor(beans)), Idempotency.HEADER);
            assertThat(backend.commands()).isEmpty();
        }
    }

    @Nested
    class CancelOrder {

        @Test
        void cancelsOnceAndAnswersTheSameAgain() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);
            String key = UUID.randomUUID().toString();

            for (int i = 0; i < 3; i++) {
                http.post().uri("/api/orders/{id}/cancel", order.orderId()).header(KEY, key).exchange()
                        .expectStatus().isAccepted()
                        .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
            }

            assertThat(backend.commands(CancelOrderCommand.class)).hasSize(1);
            assertThat(backend.orderCommandMetadata().get(0)).containsEntry("idempotencyKey", key);
        }

        @Test
        void refusesTheKeyOfACancellationForAnotherOrder() {
            OrderView first = anOrder(OrderStatus.CONFIRMED);
            OrderView second = anOrder(OrderStatus.CONFIRMED);
            backend.has(first, second);
            String key = UUID.randomUUID().toString();

            http.post().uri("/api/orders/{id}/cancel", first.orderId()).header(KEY, key).exchange().expectStatus().isAccepted();
            expectProblem(http.post().uri("/api/orders/{id}/cancel", second.orderId()).header(KEY, key).exchange(),
                    HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
    }
}

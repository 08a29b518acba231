package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Following real orders live over Server-Sent Events, through the saga, the payment service over Kafka,
 * and the warehouse. The payment service declines some charges at random, so an order ends either
 * delivered (it is shipped and delivered as soon as it is confirmed) or cancelled.
 */
@OrderflowTest
class OrderStreamTest {

    static final Duration SETTLED = Duration.ofSeconds(60);
    static final List<String> LIFE_CYCLE = List.of("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED");

    @LocalServerPort int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aCustomerStreamShowsEveryStatusOfANewOrderFromPendingToTheEnd() throws Exception {
        String product = api.addProduct("Streamed kettle", "30.00", 100);
        String customer = api.aCustomer();
        List<ServerSentEvent<JsonNode>> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> streamed = events("/api/customers/" + customer + "/orders/stream")
                .doOnNext(received::add)
                .takeUntil(event -> "order".equals(event.event()) && isTerminal(event.data()))
                .then().toFuture();
        await().atMost(SETTLED).until(() -> !received.isEmpty());
        assertThat(received.get(0).event()).isEqualTo("orders");
        assertThat(received.get(0).data().get("total").asInt()).isZero();

        String orderId = api.placeOrder(customer, Map.of(product, 1));
        shipAndDeliverOnceConfirmed(orderId, () -> statuses(received));
        streamed.get(SETTLED.toSeconds(), TimeUnit.SECONDS);

        List<String> statuses = statuses(received);
        assertThat(received.stream().skip(1)).allSatisfy(event -> {
            assertThat(event.event()).isEqualTo("order");
            assertThat(event.data().get("orderId").asString()).isEqualTo(orderId);
        });
        assertThat(statuses).startsWith("PENDING", "AWAITING_PAYMENT");
        assertThat(statuses).isIn(
                List.of("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "SHIPPED", "DELIVERED"),
                List.of("PENDING", "AWAITING_PAYMENT", "CANCELLED"));
        assertThat(received.get(received.size() - 1).data()).isEqualTo(api.get("/api/orders/" + orderId));
    }

    @Test
    void anOrderStreamOpenedRightAfterPlacingFollowsTheOrderToItsEndAndCloses() throws Exception {
        String product = api.addProduct("Streamed grinder", "80.00", 100);
        String orderId = api.placeOrder(api.aCustomer(), Map.of(product, 1));

        List<ServerSentEvent<JsonNode>> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> streamed = events("/api/orders/" + orderId + "/stream")
                .doOnNext(received::add)
                .then().toFuture();
        shipAndDeliverOnceConfirmed(orderId, () -> statuses(received));
        streamed.get(SETTLED.toSeconds(), TimeUnit.SECONDS);

        List<String> statuses = statuses(received);
        assertThat(statuses).as("each state once, in the order of the life cycle")
                .doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> Integer.compare(LIFE_CYCLE.indexOf(a), LIFE_CYCLE.indexOf(b)));
        assertThat(statuses.get(statuses.size() - 1)).isIn("DELIVERED", "CANCELLED");
        assertThat(received).extracting(ServerSentEvent::event).containsOnly("order");
    }

    @Test
    void readsAJustPlacedOrderByWaitingForItInsteadOfNotFound() {
        String product = api.addProduct("Awaited filter", "4.00", 100);

        for (int attempt = 0; attempt < 5; attempt++) {
            String orderId = api.placeOrder(api.aCustomer(), Map.of(product, 1));
            api.http.get().uri("/api/orders/{id}?waitMs=5000", orderId).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.orderId").isEqualTo(orderId);
        }
    }

    @Test
    void answersNotFoundForTheStreamOfAnOrderThatNeverExisted() {
        api.http.get().uri("/api/orders/{id}/stream", "never-placed").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ORDER_NOT_FOUND");
    }

    /** The warehouse ships and delivers a confirmed order; a cancelled one needs nothing. */
    private void shipAndDeliverOnceConfirmed(String orderId, Supplier<List<String>> seen) {
        await().atMost(SETTLED).until(() -> seen.get().contains("CONFIRMED") || seen.get().contains("CANCELLED"));
        if (seen.get().contains("CONFIRMED")) {
            api.http.post().uri("/api/admin/orders/{id}/ship", orderId).exchange().expectStatus().isAccepted();
            api.http.post().uri("/api/admin/orders/{id}/deliver", orderId).exchange().expectStatus().isAccepted();
        }
    }

    private Flux<ServerSentEvent<JsonNode>> events(String path) {
        return api.http.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                })
                .getResponseBody()
                .filter(event -> event.data() != null);
    }

    private static List<String> statuses(List<ServerSentEvent<JsonNode>> events) {
        return events.stream()
                .filter(event -> "order".equals(event.event()))
                .map(event -> event.data().get("status").asString())
                .toList();
    }

    private static boolean isTerminal(JsonNode order) {
        String status = order.get("status").asString();
        return status.equals("DELIVERED") || status.equals("CANCELLED");
    }
}

package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.FindOrderPlacementQuery;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.edge.idempotency.IdempotencyStore.Claim;
import io.orderflow.edge.idempotency.IdempotencyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency-Key on the running application, with its PostgreSQL store and the event store as witnesses. */
@OrderflowTest
class IdempotencyKeyTest {

    private static final int CONCURRENT_REQUESTS = 50;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdempotencyStore store;
    @Autowired QueryGateway queries;
    Api api;
    EventStore events;
    String customer;
    String product;

    @BeforeEach
    void aCustomerAndAProduct() {
        api = new Api(port);
        events = new EventStore(jdbc);
        customer = api.aCustomer();
        product = api.addProduct("Idempotent beans", "11.00", 1000);
    }

    private WebTestClient.ResponseSpec place(String key, int quantity) {
        return api.as(customer).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key)
                .bodyValue(Api.anOrder(customer, Map.of(product, quantity)))
                .exchange();
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyPlaceExactlyOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EntityExchangeResult<byte[]>>> sent = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            sent.add(clients.submit(() -> {
                start.await();
                return place(key, 1).expectBody().returnResult();
            }));
        }
        start.countDown();
        List<EntityExchangeResult<byte[]>> answers = new ArrayList<>();
        for (Future<EntityExchangeResult<byte[]>> answer : sent) {
            answers.add(answer.get());
        }
        clients.shutdown();

        List<String> accepted = answers.stream().filter(answer -> answer.getStatus().value() == 202)
                .map(answer -> new String(answer.getResponseBodyContent())).toList();
        List<EntityExchangeResult<byte[]>> conflicts = answers.stream().filter(answer -> answer.getStatus().value() == 409).toList();
        assertThat(accepted.size() + conflicts.size()).as("every answer is 202 or 409").isEqualTo(CONCURRENT_REQUESTS);
        assertThat(accepted).as("at least the first one is accepted").isNotEmpty();
        assertThat(accepted).as("every 202 is the same answer").containsOnly(accepted.get(0));
        assertThat(accepted.get(0)).as("the key names the order")
                .contains(OrderId.forIdempotencyKey(CustomerId.of(customer), key).value());
        assertThat(conflicts).as("while the order was not in the event store yet").allSatisfy(conflict -> assertThat(
                new String(conflict.getResponseBodyContent())).contains("\"code\":\"IDEMPOTENCY_KEY_IN_USE\""));
        assertThat(events.countOrdersPlacedFor(customer)).as("exactly one order").isEqualTo(1);

        place(key, 1).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().json(accepted.get(0));
        assertThat(events.countOrdersPlacedFor(customer)).isEqualTo(1);
    }

    @Test
    void refusesTheKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        place(key, 1).expectStatus().isAccepted();

        place(key, 2).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events.countOrdersPlacedFor(customer)).isEqualTo(1);
    }

    @Test
    void theKeyAndTheCallerTravelIntoTheEventsAndThroughTheProcess() {
        String key = "audit-" + UUID.randomUUID();
        String orderId = place(key, 1).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("orderId").asString();

        JsonNode placed = events.metadataOfOrdersPlacedFor(customer).get(0);
        assertThat(placed.get("idempotencyKey").asString()).isEqualTo(key);
        assertThat(placed.get("who").asString()).isEqualTo(customer);
        JsonMapper json = JsonMapper.builder().build();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events.eventsOf(orderId))
                .filteredOn(event -> event.get("payload_type").toString().endsWith("OrderAwaitingPayment"))
                .singleElement()
                .satisfies(event -> assertThat(json.readTree(event.get("meta_data").toString()).get("idempotencyKey").asString())
                        .as("copied by the saga's commands onto the events they cause").isEqualTo(key)));
    }

    @Test
    void cancelsOnceWithAKey() {
        String orderId = api.placeOrder(customer, Map.of(product, 1));
        api.awaitOrder(orderId, order -> true);
        String key = UUID.randomUUID().toString();

        for (int i = 0; i < 3; i++) {
            api.as(customer).post().uri("/api/orders/{id}/cancel", orderId).header("Idempotency-Key", key).exchange()
                    .expectStatus().isAccepted();
        }

        api.awaitOrderStatus(orderId, "CANCELLED");
        assertThat(events.eventsOf(orderId)).filteredOn(event -> event.get("payload_type").toString().endsWith("OrderCancelled"))
                .hasSize(1);
    }

    @Test
    void placingClaimsTheKeyOnceAndLeavesTheOrderToSayHowItWasPlaced() {
        String key = UUID.randomUUID().toString();
        String orderId = place(key, 3).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("orderId").asString();

        assertThat(jdbc.queryForList("SELECT status, response_body FROM edge.idempotency_key WHERE customer_id = ?", customer))
                .as("claimed, with no response stored: the order's stream records the outcome")
                .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "IN_FLIGHT").containsEntry("response_body", null));
        OrderPlaced placed = queries.query(new FindOrderPlacementQuery(OrderId.of(orderId)), OrderPlaced.class).join();
        assertThat(placed.customerId().value()).isEqualTo(customer);
        assertThat(placed.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(3));
        assertThat(queries.query(new FindOrderPlacementQuery(OrderId.random()), OrderPlaced.class).join())
                .as("no such order").isNull();

        place(key, 3).expectStatus().isAccepted().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.orderId").isEqualTo(orderId);
        assertThat(events.countOrdersPlacedFor(customer)).isEqualTo(1);
    }

    @Test
    void anExpiredKeyOrOneWhoseRequestDiedCanBeClaimedAgain() throws Exception {
        String owner = "store-test-" + UUID.randomUUID();
        Claim first = store.claim(owner, "k-1", "hash", Duration.ofMillis(50), Duration.ofMinutes(1)).block();
        assertThat(first).isInstanceOf(Claim.Claimed.class);
        store.complete((Claim.Claimed) first, new IdempotencyStore.StoredResponse(202, "/api/orders/x", "{}")).block();
        assertThat(store.claim(owner, "k-1", "hash", Duration.ofHours(1), Duration.ofMinutes(1)).block())
                .isInstanceOf(Claim.Taken.class);

        Thread.sleep(100);
        assertThat(store.claim(owner, "k-1", "hash", Duration.ofHours(1), Duration.ofMinutes(1)).block())
                .as("past its retention").isInstanceOf(Claim.Claimed.class);

        Claim abandoned = store.claim(owner, "k-2", "hash", Duration.ofHours(1), Duration.ofMinutes(1)).block();
        assertThat(abandoned).isInstanceOf(Claim.Claimed.class);
        Thread.sleep(100);
        Claim takeover = store.claim(owner, "k-2", "hash", Duration.ofHours(1), Duration.ofMillis(50)).block();
        assertThat(takeover).as("in flight longer than the in-flight timeout").isInstanceOf(Claim.Claimed.class);
        store.complete((Claim.Claimed) abandoned, new IdempotencyStore.StoredResponse(500, null, "{}")).block();
        assertThat(store.claim(owner, "k-2", "hash", Duration.ofHours(1), Duration.ofMinutes(1)).block())
                .as("the abandoned request cannot complete the key it lost").isEqualTo(new Claim.Taken("hash", null));
    }
}

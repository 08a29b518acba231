package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.ReleaseStockCommand;
import io.orderflow.contracts.inventory.ReserveStockCommand;
import io.orderflow.platform.axon.NodeId;
import io.orderflow.testsupport.kafka.KafkaBrokerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the application on one database and one Kafka broker, started at the same moment: they
 * split every processor's segments, take commands for the same aggregates, serve each other's orders to
 * live subscribers, and when one stops the other takes over its segments and finishes its orders.
 */
@OrderflowTest
class TwoInstancesTest {

    static final Duration SETTLED = Duration.ofSeconds(90);
    static final List<String> PROCESSORS = List.of("order-saga", "order-details", "product-catalogue",
            "order-integration-events");

    @Autowired JdbcTemplate sharedJdbc;
    @Value("${orderflow.db.url}") String sharedUrl;

    /**
     * Quick balancing and claiming, the same signing key on both (a generated one would differ per instance),
     * and two segments for every processor, with a thread for each, so that the instances split each one.
     */
    static String[] settings() {
        List<String> settings = new ArrayList<>(List.of(
                "orderflow.axon.balancing.interval=PT1S",
                "orderflow.saga.payment-timeout=PT20S",
                // snapshots of a contended product from both instances
                "orderflow.inventory.snapshot-threshold=5",
                "orderflow.auth.keys[0].id=" + TestSigningKey.ID,
                "orderflow.auth.keys[0].private-key=" + TestSigningKey.PKCS8));
        PROCESSORS.forEach(name -> {
            settings.add("axon.eventhandling.processors." + name + ".token-claim-interval=300");
            settings.add("axon.eventhandling.processors." + name + ".initial-segment-count=2");
            settings.add("axon.eventhandling.processors." + name + ".thread-count=2");
        });
        return settings.toArray(String[]::new);
    }

    @Test
    void twoInstancesShareTheWorkAndTheSurvivorFinishesItWhenOneStops() throws Exception {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess()) {
            broker.start();
            String database = IsolatedInstance.freshDatabase(sharedJdbc, sharedUrl);
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "postgres"));
            // at the same moment: schema migrations and topic creation race
            CompletableFuture<IsolatedInstance> startingA = CompletableFuture.supplyAsync(
                    () -> IsolatedInstance.start(database, broker.bootstrapServers(), settings()));
            CompletableFuture<IsolatedInstance> startingB = CompletableFuture.supplyAsync(
                    () -> IsolatedInstance.start(database, broker.bootstrapServers(), settings()));
            try (IsolatedInstance a = startingA.get(120, TimeUnit.SECONDS); IsolatedInstance b = startingB.get(120, TimeUnit.SECONDS)) {
                String nodeA = a.bean(NodeId.class).value();
                String nodeB = b.bean(NodeId.class).value();
                assertThat(nodeA).isNotEqualTo(nodeB);
                Queue<String> sagaCommands = new ConcurrentLinkedQueue<>();
                recordCommittedNestedCommands(a, sagaCommands);
                recordCommittedNestedCommands(b, sagaCommands);

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(segmentOwners(jdbc))
                        .as("every processor's segments, half with each instance")
                        .allSatisfy((processor, owners) -> {
                            assertThat(owners.keySet()).containsExactlyInAnyOrder(nodeA, nodeB);
                            assertThat(owners.get(nodeA)).isEqualTo(owners.get(nodeB));
                        }));

                aCommandThroughOneInstanceSeesWhatTheOtherWrote(a.bean(CommandGateway.class), b.bean(CommandGateway.class), jdbc);
                reservationsRacingThroughBothInstancesNeverOversell(a.bean(CommandGateway.class), b.bean(CommandGateway.class), jdbc);

                Api apiA = a.api();
                Api apiB = b.api();
                Map<String, Integer> initialStock = new HashMap<>();
                String kettle = apiA.addProduct("Shared kettle", "30.00", 40);
                String grinder = apiB.addProduct("Shared grinder", "80.00", 40);
                initialStock.put(kettle, 40);
                initialStock.put(grinder, 40);
                String customerA = apiA.aCustomer();
                String customerB = apiB.aCustomer();

                String followed = apiA.placeOrder(customerA, Map.of(kettle, 1));
                apiB.http.get().uri("/api/orders/{id}?waitMs=10000", followed).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.orderId").isEqualTo(followed);
                List<String> seenOnB = new CopyOnWriteArrayList<>();
                CompletableFuture<Void> streamOnB = stream(apiB, followed)
                        .doOnNext(order -> seenOnB.add(order.get("status").asString()))
                        .then().toFuture();
                deliverOnceConfirmed(apiA, followed, () -> seenOnB);
                streamOnB.get(SETTLED.toSeconds(), TimeUnit.SECONDS);
                assertThat(seenOnB).as("instance B streams the order placed through A to its end")
                        .last().isIn("DELIVERED", "CANCELLED");

                List<String> orders = new ArrayList<>(List.of(followed));
                for (int i = 0; i < 16; i++) {
                    orders.add(i % 2 == 0
                            ? apiA.placeOrder(customerA, Map.of(kettle, 1, grinder, 1))
                            : apiB.placeOrder(customerB, Map.of(kettle, 2)));
                }
                for (int i = 0; i < 6; i++) {
                    orders.add(apiA.placeOrder(customerA, Map.of(grinder, 2)));
                }
                a.close();

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(segmentOwners(jdbc))
                        .as("the survivor holds every segment")
                        .allSatisfy((processor, owners) -> assertThat(owners.keySet()).containsExactly(nodeB)));
                // checked in the database: closing a context in this JVM also stops the HTTP event loops
                // that Reactor Netty shares between the servers of one JVM
                Map<String, String> settled = new HashMap<>();
                for (String orderId : orders) {
                    settled.put(orderId, await().atMost(SETTLED).until(() -> statusOf(jdbc, orderId),
                            status -> List.of("CONFIRMED", "CANCELLED", "DELIVERED").contains(status)));
                }
                assertStockBalances(jdbc, initialStock, orderLines(jdbc, settled));
                assertThat(sagaCommands).as("commands sent by the saga").isNotEmpty();
                assertThat(sagaCommands).as("no saga event handled twice, by either instance: no command sent twice for one cause")
                        .doesNotHaveDuplicates();
            }
        }
    }

    /** A stale cached aggregate would let the release find no reservation and do nothing, silently. */
    private static void aCommandThroughOneInstanceSeesWhatTheOtherWrote(CommandGateway viaA, CommandGateway viaB, JdbcTemplate jdbc) {
        ProductId product = ProductId.random();
        OrderId first = OrderId.random();
        OrderId second = OrderId.random();
        viaA.sendAndWait(new AddProductCommand(product, "Cached mug", Money.of("9.00", "EUR"), 10));
        viaA.sendAndWait(new ReserveStockCommand(product, first, 2));
        viaB.sendAndWait(new ReserveStockCommand(product, second, 3));
        viaA.sendAndWait(new ReleaseStockCommand(product, second));

        assertThat(jdbc.queryForList("""
                        SELECT substring(payload_type from '[^.]+$') FROM axon.domain_event_entry
                         WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, product.value()))
                .containsExactly("ProductAdded", "StockReserved", "StockReserved", "StockReleased");
    }

    private static void reservationsRacingThroughBothInstancesNeverOversell(CommandGateway viaA, CommandGateway viaB,
                                                                          JdbcTemplate jdbc) throws Exception {
        ProductId product = ProductId.random();
        viaA.sendAndWait(new AddProductCommand(product, "Contended mug", Money.of("9.00", "EUR"), 10));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Object>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                CommandGateway gateway = i % 2 == 0 ? viaA : viaB;
                results.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return gateway.sendAndWait(new ReserveStockCommand(product, OrderId.random(), 1));
                }, threads));
            }
            start.countDown();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdown();
        }
        List<String> events = jdbc.queryForList("""
                SELECT substring(payload_type from '[^.]+$') FROM axon.domain_event_entry
                 WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, product.value());
        assertThat(events.stream().filter("StockReserved"::equals)).hasSize(10);
        assertThat(events.stream().filter("StockReservationRejected"::equals)).hasSize(30);
        List<Long> sequence = jdbc.queryForList(
                "SELECT sequence_number FROM axon.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class, product.value());
        assertThat(sequence).as("no gap in the product's event stream")
                .containsExactlyElementsOf(Stream.iterate(0L, n -> n + 1).limit(41).toList());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM axon.snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class,
                        product.value()))
                .as("snapshots taken on the way").isPositive());
    }

    /**
     * Commands sent while handling another message (by the saga, for an event or a deadline), recorded once
     * their transaction committed, by type, cause (the correlation id: the handled message's id) and content.
     * A saga event handled twice would send its commands twice for the same cause. Counting the saga's
     * events themselves would not do: every segment of a saga processor sees every event, and handles it
     * for the sagas whose ids fall in that segment.
     */
    private static void recordCommittedNestedCommands(IsolatedInstance instance, Queue<String> committed) {
        MessageHandlerInterceptor<CommandMessage<?>> recorder = (unitOfWork, chain) -> {
            if (!unitOfWork.isRoot()) {
                CommandMessage<?> command = unitOfWork.getMessage();
                String key = command.getCommandName() + " caused by " + command.getMetaData().get("correlationId")
                        + ": " + command.getPayload();
                unitOfWork.afterCommit(done -> committed.add(key));
            }
            return chain.proceed();
        };
        instance.bean(CommandBus.class).registerHandlerInterceptor(recorder);
    }

    /** Per processor: how many segments each owner holds (unclaimed segments under the key "none"). */
    private static Map<String, Map<String, Long>> segmentOwners(JdbcTemplate jdbc) {
        Map<String, Map<String, Long>> owners = new HashMap<>();
        jdbc.query("SELECT processor_name, coalesce(owner, 'none') AS owner FROM axon.token_entry", row -> {
            owners.computeIfAbsent(row.getString("processor_name"), name -> new HashMap<>())
                    .merge(row.getString("owner"), 1L, Long::sum);
        });
        assertThat(owners.keySet()).containsExactlyInAnyOrderElementsOf(PROCESSORS);
        return owners;
    }

    private static reactor.core.publisher.Flux<JsonNode> stream(Api api, String orderId) {
        return api.http.get().uri("/api/orders/{id}/stream", orderId).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                })
                .getResponseBody()
                .filter(event -> "order".equals(event.event()) && event.data() != null)
                .map(ServerSentEvent::data);
    }

    private static void deliverOnceConfirmed(Api api, String orderId, java.util.function.Supplier<List<String>> seen) {
        await().atMost(SETTLED).until(() -> seen.get().contains("CONFIRMED") || seen.get().contains("CANCELLED"));
        if (seen.get().contains("CONFIRMED")) {
            api.http.post().uri("/api/admin/orders/{id}/ship", orderId).exchange().expectStatus().isAccepted();
            api.http.post().uri("/api/admin/orders/{id}/deliver", orderId).exchange().expectStatus().isAccepted();
        }
    }

    private static String statusOf(JdbcTemplate jdbc, String orderId) {
        return jdbc.query("SELECT status FROM projections.order_view WHERE order_id = ?",
                row -> row.next() ? row.getString(1) : null, orderId);
    }

    /** Units per product of the orders that were not cancelled. */
    private static Map<String, Integer> orderLines(JdbcTemplate jdbc, Map<String, String> settled) {
        Map<String, Integer> units = new HashMap<>();
        settled.forEach((orderId, status) -> {
            if (!status.equals("CANCELLED")) {
                jdbc.query("SELECT product_id, quantity FROM projections.order_line_view WHERE order_id = ?",
                        row -> {
                            units.merge(row.getString("product_id"), row.getInt("quantity"), Integer::sum);
                        }, orderId);
            }
        });
        return units;
    }

    private static void assertStockBalances(JdbcTemplate jdbc, Map<String, Integer> initialStock,
                                            Map<String, Integer> committedByPaidOrders) {
        initialStock.forEach((productId, initial) -> {
            Map<String, Object> product = await().atMost(SETTLED).until(
                    () -> jdbc.queryForMap("SELECT available, reserved, committed FROM projections.product_view WHERE product_id = ?", productId),
                    row -> ((Number) row.get("reserved")).intValue() == 0);
            int available = ((Number) product.get("available")).intValue();
            int committed = ((Number) product.get("committed")).intValue();
            assertThat(available + committed).as("initial = available + committed for %s", productId).isEqualTo(initial);
            assertThat(committed).as("committed stock of %s = units of its paid orders", productId)
                    .isEqualTo(committedByPaidOrders.getOrDefault(productId, 0));
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

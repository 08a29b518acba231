package io.orderflow.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Throughput: a ramp of order placements (from 1 to {@code rate} new orders per second over
 * {@code ramp}, then {@code rate} per second for {@code hold}), spread over {@code customers}
 * customers. Once every order has settled it prints orders per second from the first placement to the
 * last order settled (CONFIRMED or CANCELLED, from the read model's timestamps) and the p50/p95/p99
 * latency of the accepting {@code POST /api/orders}; Gatling's report has the rest.
 */
public class ThroughputSimulation extends Simulation {

    public static final String RATE = "orderflow.load.throughput.rate";
    public static final String RAMP = "orderflow.load.throughput.ramp";
    public static final String HOLD = "orderflow.load.throughput.hold";
    public static final String CUSTOMERS = "orderflow.load.throughput.customers";

    private final Queue<Integer> acceptMillis = new ConcurrentLinkedQueue<>();
    private final OrderflowClient client;
    private final String adminToken;
    private final List<Map<String, Object>> customers;

    public ThroughputSimulation() {
        int rate = LoadSettings.integer(RATE, 20);
        Duration ramp = LoadSettings.duration(RAMP, Duration.ofSeconds(30));
        Duration hold = LoadSettings.duration(HOLD, Duration.ofSeconds(30));
        int customerCount = LoadSettings.integer(CUSTOMERS, 10);
        Duration settleWithin = LoadSettings.duration(OversellSimulation.SETTLE_WITHIN, Duration.ofMinutes(2));
        client = new OrderflowClient(LoadSettings.baseUrl());
        adminToken = client.token(LoadSettings.adminEmail(), LoadSettings.adminPassword());
        String productId = client.addProduct(adminToken, "throughput-" + UUID.randomUUID(), "5.00", 1_000_000);
        customers = IntStream.range(0, customerCount).mapToObj(index -> Map.<String, Object>copyOf(client.newCustomer())).toList();

        ScenarioBuilder place = scenario("throughput: place").feed(listFeeder(customers).circular()).exec(
                http("place order").post("/api/orders")
                        .header("Authorization", session -> Orders.bearer(session.getString("token")))
                        .body(Orders.orderOf(productId))
                        .check(status().is(202), responseTimeInMillis().saveAs("acceptMillis")))
                .exec(session -> {
                    acceptMillis.add(session.getInt("acceptMillis"));
                    return session;
                });

        ChainBuilder settleAll = exec(customers.stream()
                .map(customer -> Orders.awaitSettled(adminToken, (String) customer.get("customerId"), 0, settleWithin))
                .toList());
        ScenarioBuilder verify = scenario("throughput: verify").exec(settleAll);

        setUp(place.injectOpen(rampUsersPerSec(1).to(rate).during(ramp), constantUsersPerSec(rate).during(hold))
                .andThen(verify.injectOpen(atOnceUsers(1))))
                .protocols(http.baseUrl(LoadSettings.baseUrl()).acceptHeader("application/json").contentTypeHeader("application/json"))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        Instant firstPlaced = null;
        Instant lastSettled = null;
        int settled = 0;
        int confirmed = 0;
        for (Map<String, Object> customer : customers) {
            for (int page = 0; ; page++) {
                JsonNode orders = client.get("/api/orders?size=100&page=" + page + "&customerId=" + customer.get("customerId"), adminToken);
                if (orders == null || orders.path("items").isEmpty()) {
                    break;
                }
                for (JsonNode order : orders.path("items")) {
                    String status = order.path("status").asText();
                    if (!status.equals("CONFIRMED") && !status.equals("CANCELLED")) {
                        continue;
                    }
                    settled++;
                    confirmed += status.equals("CONFIRMED") ? 1 : 0;
                    Instant created = Instant.parse(order.path("createdAt").asText());
                    Instant updated = Instant.parse(order.path("updatedAt").asText());
                    firstPlaced = firstPlaced == null || created.isBefore(firstPlaced) ? created : firstPlaced;
                    lastSettled = lastSettled == null || updated.isAfter(lastSettled) ? updated : lastSettled;
                }
            }
        }
        List<Integer> latencies = new ArrayList<>(acceptMillis);
        Collections.sort(latencies);
        double seconds = firstPlaced == null ? 0 : Duration.between(firstPlaced, lastSettled).toMillis() / 1000.0;
        System.out.printf("%nThroughput: %d orders settled (%d CONFIRMED) from the first placement to the last settled order"
                        + " in %.1f s = %.1f orders/s%nAccept latency (POST /api/orders, %d requests): p50 %d ms, p95 %d ms, p99 %d ms%n",
                settled, confirmed, seconds, seconds == 0 ? 0 : settled / seconds, latencies.size(),
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99));
    }

    private static int percentile(List<Integer> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}

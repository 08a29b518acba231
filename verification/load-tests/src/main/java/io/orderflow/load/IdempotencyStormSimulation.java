package io.orderflow.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idempotency storm: {@code requests} (100) identical order requests of one customer, all at once,
 * with one {@code Idempotency-Key}. Each answer is 202 (the order, first or replayed) or 409 (the
 * first is still in flight); every 202 names the same order, and the customer ends up with exactly
 * one order.
 */
public class IdempotencyStormSimulation extends Simulation {

    public static final String REQUESTS = "orderflow.load.idempotency.requests";

    private final Set<String> answeredOrderIds = ConcurrentHashMap.newKeySet();

    public IdempotencyStormSimulation() {
        int requests = LoadSettings.integer(REQUESTS, 100);
        Duration settleWithin = LoadSettings.duration(OversellSimulation.SETTLE_WITHIN, Duration.ofMinutes(2));
        OrderflowClient client = new OrderflowClient(LoadSettings.baseUrl());
        String adminToken = client.token(LoadSettings.adminEmail(), LoadSettings.adminPassword());
        String productId = client.addProduct(adminToken, "idempotency-" + UUID.randomUUID(), "5.00", 1_000);
        Map<String, String> customer = client.newCustomer();
        String key = UUID.randomUUID().toString();

        ScenarioBuilder storm = scenario("idempotency storm: " + requests + " requests, one key").exec(
                http("place order, one key").post("/api/orders")
                        .header("Authorization", Orders.bearer(customer.get("token")))
                        .header("Idempotency-Key", key)
                        .body(Orders.orderOf(productId))
                        .check(status().in(202, 409), jsonPath("$.orderId").optional().saveAs("orderId")))
                .exec(session -> {
                    if (session.contains("orderId")) {
                        answeredOrderIds.add(session.getString("orderId"));
                    }
                    return session;
                });

        ScenarioBuilder verify = scenario("idempotency storm: verify").exec(
                Orders.awaitSettled(adminToken, customer.get("customerId"), 1, settleWithin),
                exec(http("exactly one order for the key").get("/api/orders?size=10&customerId=" + customer.get("customerId"))
                        .header("Authorization", Orders.bearer(adminToken))
                        .check(jsonPath("$.total").ofInt().is(1),
                                jsonPath("$.items[0].orderId").is(session -> onlyAnsweredOrderId()))));

        setUp(storm.injectOpen(atOnceUsers(requests)).andThen(verify.injectOpen(atOnceUsers(1))))
                .protocols(http.baseUrl(LoadSettings.baseUrl()).acceptHeader("application/json").contentTypeHeader("application/json"))
                .assertions(global().failedRequests().count().is(0L));
    }

    /** The one order id every 202 answered; anything else, so that the check fails and says why. */
    private String onlyAnsweredOrderId() {
        return answeredOrderIds.size() == 1 ? answeredOrderIds.iterator().next() : "answers named " + answeredOrderIds;
    }
}

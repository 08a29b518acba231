package io.orderflow.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Oversell: {@code orders} (200) customers' orders of one unit each, all at once, against a product
 * with {@code stock} (10) units. Once every order has settled, exactly {@code expected-confirmed}
 * (default: the stock) must be CONFIRMED, and the product must show them committed, nothing reserved
 * and the rest available. Exactly, not "at most": the system must run with
 * {@code orderflow.payment.approval-rate=1}, or declined payments confirm fewer (docs/load-tests.md).
 */
public class OversellSimulation extends Simulation {

    public static final String ORDERS = "orderflow.load.oversell.orders";
    public static final String STOCK = "orderflow.load.oversell.stock";
    public static final String EXPECTED_CONFIRMED = "orderflow.load.oversell.expected-confirmed";
    public static final String SETTLE_WITHIN = "orderflow.load.settle-within";

    public OversellSimulation() {
        int orders = LoadSettings.integer(ORDERS, 200);
        int stock = LoadSettings.integer(STOCK, 10);
        int expected = LoadSettings.integer(EXPECTED_CONFIRMED, stock);
        Duration settleWithin = LoadSettings.duration(SETTLE_WITHIN, Duration.ofMinutes(2));
        OrderflowClient client = new OrderflowClient(LoadSettings.baseUrl());
        String adminToken = client.token(LoadSettings.adminEmail(), LoadSettings.adminPassword());
        String productId = client.addProduct(adminToken, "oversell-" + UUID.randomUUID(), "5.00", stock);
        Map<String, String> customer = client.newCustomer();

        ScenarioBuilder place = scenario("oversell: place " + orders + " orders").exec(
                http("place order").post("/api/orders")
                        .header("Authorization", Orders.bearer(customer.get("token")))
                        .body(Orders.orderOf(productId))
                        .check(status().is(202)));

        String confirmed = "/api/orders?size=1&status=CONFIRMED&customerId=" + customer.get("customerId");
        String product = "/api/products/" + productId;
        ScenarioBuilder verify = scenario("oversell: verify").exec(
                Orders.awaitSettled(adminToken, customer.get("customerId"), orders, settleWithin),
                exec(http("exactly " + expected + " orders CONFIRMED").get(confirmed)
                        .header("Authorization", Orders.bearer(adminToken))
                        .check(jsonPath("$.total").ofInt().is(expected))),
                // the catalogue is projected apart from the orders: let it catch up, then check it once
                exec(session -> session.set("reserved", -1))
                        .asLongAsDuring(session -> session.getInt("reserved") != 0, Duration.ofSeconds(30)).on(
                                pause(Duration.ofMillis(500)),
                                exec(http("poll: product").get(product).header("Authorization", Orders.bearer(adminToken))
                                        .check(jsonPath("$.reserved").ofInt().saveAs("reserved")))),
                exec(http("stock balanced: " + expected + " committed, none reserved, " + (stock - expected) + " available")
                        .get(product).header("Authorization", Orders.bearer(adminToken))
                        .check(jsonPath("$.committed").ofInt().is(expected),
                                jsonPath("$.reserved").ofInt().is(0),
                                jsonPath("$.available").ofInt().is(stock - expected))));

        setUp(place.injectOpen(atOnceUsers(orders)).andThen(verify.injectOpen(atOnceUsers(1))))
                .protocols(http.baseUrl(LoadSettings.baseUrl()).acceptHeader("application/json").contentTypeHeader("application/json"))
                .assertions(global().failedRequests().count().is(0L));
    }
}

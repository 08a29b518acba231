package io.orderflow.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testsupport.process.Net;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PostgreSQL away under a running application, as separate processes: restarted in immediate mode, then stopped
 * for 30 s. While it is down, the command path (placing an order), the query path (reading one, over R2DBC) and
 * sign-in answer {@code 503} problem documents with the code {@code SERVICE_UNAVAILABLE}, never a {@code 500};
 * the application is not ready but alive. Afterwards it takes orders again by itself, every order settles and
 * the audit is clean.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** How long the application may take to serve again once PostgreSQL answers. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final String PASSWORD = "proof-customer-password";

    private static Cluster cluster;
    private static ShopClient client;
    private static List<String> products;
    private static String email;
    private static String token;
    private static final List<String> placed = new ArrayList<>();

    @BeforeAll
    static void startTheSystem() {
        cluster = Cluster.start("postgres-outage", 1, List.of());
        products = cluster.addProducts(2, 10_000);
        client = new ShopClient(cluster.app(0).baseUrl());
        email = "outage-" + UUID.randomUUID() + "@proof.test";
        assertThat(client.register(email, PASSWORD).status()).isEqualTo(201);
        token = client.token(email, PASSWORD).text("accessToken");
        placeOrders(5);
    }

    @AfterAll
    static void stopTheSystem() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void takesOrdersAgainByItselfAfterAnImmediateRestart() {
        cluster.postgres.restartImmediately();

        assertThat(Net.waitUntil(Duration.ofSeconds(60), Duration.ofMillis(500), () -> cluster.app(0).isReady()))
                .as("ready again after the restart").isTrue();
        placeOrders(5);
        assertThat(Net.waitUntil(RECOVERY, Duration.ofMillis(500), () -> client.token(email, PASSWORD).text("accessToken") != null))
                .as("sign-in after the restart").isTrue();
        assertThat(Net.waitUntil(RECOVERY, Duration.ofMillis(500), () -> client.get("/api/orders/" + placed.get(0), token).is(200)))
                .as("reading an order after the restart").isTrue();
    }

    @Test
    @Order(2)
    void answersServiceUnavailableWhileDownForThirtySecondsAndResumesByItself() {
        String anOrder = placed.get(0);
        long stoppedAt = System.nanoTime();
        cluster.postgres.stopImmediately();
        try {
            expectServiceUnavailable("placing an order", client.placeOrder(token, UUID.randomUUID().toString(), Map.of(products.get(0), 1)));
            expectServiceUnavailable("reading an order", client.get("/api/orders/" + anOrder, token));
            expectServiceUnavailable("signing in", client.token(email, PASSWORD));
            assertThat(client.get("/readyz", null).status()).as("readiness while PostgreSQL is down").isEqualTo(503);
            assertThat(client.get("/livez", null).status()).as("liveness while PostgreSQL is down").isEqualTo(200);
            Duration down = Duration.ofNanos(System.nanoTime() - stoppedAt);
            if (down.compareTo(OUTAGE) < 0) {
                Net.sleep(OUTAGE.minus(down));
            }
            // still so at the end of the outage: nothing has given up, nothing answers 500
            expectServiceUnavailable("placing an order after 30 s", client.placeOrder(token, UUID.randomUUID().toString(),
                    Map.of(products.get(1), 1)));
            assertThat(client.get("/livez", null).status()).as("liveness after 30 s without PostgreSQL").isEqualTo(200);
        } finally {
            cluster.postgres.startAgain();
        }

        assertThat(Net.waitUntil(Duration.ofSeconds(90), Duration.ofMillis(500), () -> cluster.app(0).isReady()))
                .as("ready again once PostgreSQL is back").isTrue();
        // the pools replace their broken connections as requests ask for them: a request or two may still fail
        assertThat(Net.waitUntil(RECOVERY, Duration.ofMillis(500), () -> client.token(email, PASSWORD).text("accessToken") != null))
                .as("sign-in once PostgreSQL is back").isTrue();
        assertThat(Net.waitUntil(RECOVERY, Duration.ofMillis(500), () -> client.get("/api/orders/" + anOrder, token).is(200)))
                .as("reading an order once PostgreSQL is back").isTrue();
        placeOrders(5);

        List<StoreInspector.OrderState> unsettled = cluster.awaitSettled(Duration.ofMinutes(2));
        assertThat(unsettled).as(cluster.diagnostics(unsettled)).isEmpty();
        assertThat(cluster.store.unknownOrders(placed)).as("accepted orders the store does not know").isEmpty();
        Audit.Result audit = Audit.run(cluster.postgres, cluster.workDir);
        assertThat(audit.clean()).as(audit.rendered()).isTrue();
    }

    private static void expectServiceUnavailable(String what, ShopClient.Answer answer) {
        assertThat(answer.status()).as(what + " while PostgreSQL is down: " + answer).isEqualTo(503);
        assertThat(answer.text("code")).as(what + ": the problem's code").isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.text("status")).as(what + ": a problem document").isEqualTo("503");
    }

    /** Places orders, each with its own key, retrying a key while the system is not yet ready to take it. */
    private static void placeOrders(int count) {
        for (int i = 0; i < count; i++) {
            String key = UUID.randomUUID().toString();
            Map<String, Integer> lines = Map.of(products.get(i % products.size()), 1);
            ShopClient.Answer answer = client.placeOrder(token, key, lines);
            for (int attempt = 0; attempt < 20 && (answer.status() == 0 || answer.status() >= 500 || answer.is(409)); attempt++) {
                Net.sleep(Duration.ofSeconds(1));
                answer = client.placeOrder(token, key, lines);
            }
            assertThat(answer.status()).as("order accepted: " + answer).isEqualTo(202);
            placed.add(answer.text("orderId"));
        }
    }
}

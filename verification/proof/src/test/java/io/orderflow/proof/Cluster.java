package io.orderflow.proof;

import io.orderflow.testsupport.kafka.KafkaBrokerProcess;
import io.orderflow.testsupport.process.Net;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One PostgreSQL, one Kafka broker and one or more application instances, all separate processes on
 * loopback, their data and logs under {@code target/proof/<run>}. Closing it kills every process.
 */
final class Cluster implements AutoCloseable {

    /** Short deadlines so that a run sees timeouts, retries and claim take-overs within seconds. */
    static final List<String> TEST_PROPERTIES = List.of(
            "orderflow.saga.payment-timeout=PT10S",
            "orderflow.axon.token-claim-timeout=PT10S",
            "orderflow.edge.idempotency.in-flight-timeout=PT5S",
            "orderflow.deadlines.heartbeat-interval=PT1S",
            "orderflow.deadlines.missed-heartbeats-limit=4",
            "orderflow.payment.latency=PT0.005S");

    final Path workDir;
    final PostgresProcess postgres;
    final KafkaBrokerProcess kafka;
    final List<AppInstance> apps = new ArrayList<>();
    final StoreInspector store;
    private final List<String> productIds = new ArrayList<>();

    private Cluster(Path workDir, PostgresProcess postgres, KafkaBrokerProcess kafka) {
        this.workDir = workDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.store = new StoreInspector(postgres);
    }

    /** Starts PostgreSQL, Kafka and {@code instances} applications, one after the other. */
    static Cluster start(String runName, int instances, List<String> extraProperties) {
        Path workDir = Path.of(System.getProperty("proof.work-dir", "target/proof"))
                .resolve(runName + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        PostgresProcess postgres = PostgresProcess.start(workDir);
        KafkaBrokerProcess kafka = null;
        Cluster cluster = null;
        try {
            kafka = new KafkaBrokerProcess(workDir);
            kafka.start();
            cluster = new Cluster(workDir, postgres, kafka);
            List<String> properties = new ArrayList<>(TEST_PROPERTIES);
            properties.addAll(extraProperties);
            for (int i = 1; i <= instances; i++) {
                AppInstance app = new AppInstance("app-" + i, workDir, postgres.jdbcUrl(), kafka.bootstrapServers(), properties);
                cluster.apps.add(app);
                app.start();
            }
            return cluster;
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                if (kafka != null) {
                    kafka.close();
                }
                postgres.close();
            }
            throw e;
        }
    }

    AppInstance app(int index) {
        return apps.get(index);
    }

    /** Adds products through the first instance and waits until the catalogue shows them. */
    List<String> addProducts(int count, int stock) {
        ShopClient client = new ShopClient(apps.get(0).baseUrl());
        String admin = client.adminToken();
        for (int i = 0; i < count; i++) {
            ShopClient.Answer answer = client.addProduct(admin, "Proof product " + i, "9.90", stock);
            if (!answer.is(201)) {
                throw new IllegalStateException("product not added: " + answer + "; see " + apps.get(0).log());
            }
            productIds.add(answer.text("productId"));
        }
        boolean listed = Net.waitUntil(Duration.ofSeconds(60), Duration.ofMillis(300),
                () -> productIds.stream().allMatch(id -> client.get("/api/products/" + id, null).is(200)));
        if (!listed) {
            throw new IllegalStateException("products not in the catalogue; see " + apps.get(0).log());
        }
        return List.copyOf(productIds);
    }

    /**
     * Waits until the system is quiet: every order the event store knows is settled, nothing is left
     * reserved, no saga is left on a cancelled, shipped or delivered order (compensations done), and
     * {@code alsoUntil} holds. Answers the orders still unsettled when {@code limit} ran out (empty when
     * all settled); the audit afterwards judges the rest.
     */
    List<StoreInspector.OrderState> awaitSettled(Duration limit, java.util.function.BooleanSupplier alsoUntil) {
        Net.waitUntil(limit, Duration.ofSeconds(1), () -> store.unsettledOrders().isEmpty() && nothingReserved()
                && store.sagasOfFinishedOrders() == 0 && store.processorsBehind().isEmpty() && alsoUntil.getAsBoolean());
        return store.unsettledOrders();
    }

    List<StoreInspector.OrderState> awaitSettled(Duration limit) {
        return awaitSettled(limit, () -> true);
    }

    boolean nothingReserved() {
        return store.query("SELECT count(*) FROM projections.product_view WHERE reserved <> 0", List.of(), rs -> rs.getLong(1)).get(0) == 0;
    }

    /** Where to look when a check fails, with the history of the first orders the audit names. */
    String diagnostics(List<StoreInspector.OrderState> unsettled, Audit.Result audit) {
        String histories = audit.violations().stream()
                .filter(violation -> violation.startsWith("order "))
                .map(violation -> violation.substring("order ".length()).split(" ")[0])
                .distinct().limit(5).map(store::historyOf).collect(Collectors.joining("\n    "));
        return diagnostics(unsettled) + (histories.isEmpty() ? "" : "\norders the audit names (first 5):\n    " + histories);
    }

    /** Where to look when a check fails. */
    String diagnostics(List<StoreInspector.OrderState> unsettled) {
        String stuck = unsettled.stream().limit(50).map(order -> order.orderId() + " " + order.status())
                .collect(Collectors.joining("\n    "));
        return (unsettled.isEmpty() ? "" : unsettled.size() + " orders not settled (first 50):\n    " + stuck + "\n")
                + "logs: " + apps.stream().map(app -> app.log().toString()).collect(Collectors.joining(", "))
                + ", " + kafka.log() + ", " + postgres.log()
                + "\ntoken owners: " + store.tokenOwners()
                + "\nprocessors behind the newest event: " + store.processorsBehind();
    }

    /** Writes a run report next to the logs and answers its path. */
    Path writeReport(String text) {
        try {
            Path report = workDir.resolve("report.txt");
            Files.writeString(report, text);
            return report;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Map<String, Map<Integer, String>> tokenOwners() {
        return store.tokenOwners();
    }

    @Override
    public void close() {
        apps.forEach(AppInstance::close);
        kafka.close();
        postgres.close();
    }
}

package io.orderflow.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.proof.LoadGenerator.Outcome;
import io.orderflow.proof.ResourceSnapshot.Database;
import io.orderflow.proof.ResourceSnapshot.ProcessGroup;
import io.orderflow.testsupport.kafka.KafkaBrokerProcess;
import io.orderflow.testsupport.process.ChildJvm;
import io.orderflow.testsupport.process.Net;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark (docs/performance.md): a measurement, not a test. It starts PostgreSQL ({@code fsync} and
 * {@code synchronous_commit} on), the Kafka broker, the application (the launcher's {@code orderflow.jar}) and
 * the load generator ({@link LoadGenerator}) as processes of their own, runs the workloads below, and prints
 * for each: orders/s accepted and end to end, accept and order latencies, CPU per order by process and for
 * the whole machine, PostgreSQL's transactions, row writes and WAL per order, and the load average. It
 * asserts only correctness: every accepted order settles and the auditor is clean.
 *
 * <p>Workloads ({@code benchmark.phases}, all by default):
 * <ul>
 * <li>{@code hot}: one-line orders on one hot product from {@code benchmark.connections} keep-alive
 * connections, each sending its next order when its last was answered; warmed up with
 * {@code benchmark.warmup} orders, then {@code benchmark.orders} measured.
 * <li>{@code catalogue}: orders of 1 to 3 lines over {@code benchmark.catalogue.products} products, same shape.
 * <li>{@code sustained}: {@code benchmark.rate} new orders per second, offered for {@code benchmark.duration}.
 * <li>{@code latency}: 80 % of that rate for half as long: the accept latency of a system that keeps up; other
 * shares of the rate, one after the other, with {@code benchmark.latency.shares} (for example {@code 0.4,0.6,0.8}).
 * <li>{@code overload}: twice that rate: the excess must be refused, what is accepted must settle in time.
 * <li>{@code idle}: {@code benchmark.idle.orders} orders one after the other, each followed until settled.
 * <li>{@code reservations} (not among the defaults): one product's {@code Inventory} alone, in a process of its own
 * ({@link ReservationLoad}), reserving and committing as the saga's batches do, {@code benchmark.reservations.steps}
 * orders at a time in batches of {@code benchmark.reservations.batch}; its state is reported after each step.
 * </ul>
 * External servers instead of the started ones: {@code benchmark.db.url} (with {@code .username},
 * {@code .password}) and {@code benchmark.kafka.bootstrap-servers}; their CPU is then counted only when
 * their processes can be found on this machine.
 */
@Tag("benchmark")
class EndToEndBenchmark {

    private static final String ORDER_EVENTS = "io.orderflow.contracts.order.";
    private static final String PLACED = ORDER_EVENTS + "OrderPlaced";
    private static final String CONFIRMED = ORDER_EVENTS + "OrderConfirmed";
    private static final String CANCELLED = ORDER_EVENTS + "OrderCancelled";
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(10);
    /** Events before the last scanned one that a settlement scan reads again (see {@link #scanOrderEvents}). */
    private static final long SCAN_MARGIN = 2_000;

    private final Path workDir = Path.of(System.getProperty("proof.work-dir", "target/proof"), "benchmark");
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final StringBuilder report = new StringBuilder();
    private final List<String> failures = new ArrayList<>();

    private PostgresProcess postgres;
    private Map<String, ProcessGroup> processes;
    private ShopClient shop;
    private String kafkaServers;
    private Path tokensFile;
    private String hotProduct;
    private List<String> catalogue = List.of();
    private Duration paymentLatency;
    private boolean statements;
    private boolean profile;
    private Application application;
    private Process loadGenerator;
    private int runs;

    @Test
    void measure() throws Exception {
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        List<String> phases = List.of(setting("benchmark.phases", "hot,catalogue,sustained,latency,overload,idle").split(","));
        paymentLatency = Duration.parse(setting("benchmark.payment-latency", "PT0.02S"));
        statements = Boolean.parseBoolean(setting("benchmark.statements", "false"));
        profile = Boolean.parseBoolean(setting("benchmark.app.jfr", "false"));
        try (PostgresProcess database = startPostgres();
             KafkaBrokerProcess kafka = startKafka();
             Application app = new Application(database, kafka)) {
            postgres = database;
            application = app;
            try (Connection connection = postgres.connect()) {
                if (statements) {
                    connection.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                }
                processes = new LinkedHashMap<>();
                processes.put("application", new ProcessGroup(app.pid(), false));
                processes.put("PostgreSQL", ProcessGroup.postgres(connection));
                processes.put("Kafka broker", new ProcessGroup(kafka == null ? -1 : kafka.pid(), false));
            }
            shop = new ShopClient(app.baseUrl());
            kafkaServers = kafkaServers(kafka);
            header(app);
            setUp(phases);
            for (String phase : phases) {
                switch (phase.trim()) {
                    case "hot" -> closedLoad("hot product", List.of(hotProduct), 1);
                    case "catalogue" -> closedLoad("catalogue", catalogue, 3);
                    case "sustained" -> openLoad("sustained", rate(1.0), duration(1.0));
                    case "latency" -> {
                        for (String share : setting("benchmark.latency.shares", "0.8").split(",")) {
                            double part = Double.parseDouble(share.trim());
                            openLoad("latency at %.0f %%".formatted(part * 100), rate(part), duration(0.5));
                        }
                    }
                    case "overload" -> openLoad("overload at 200 %", rate(2.0), duration(0.5));
                    case "idle" -> idle();
                    case "reservations" -> reservations();
                    default -> throw new IllegalArgumentException("Unknown benchmark phase " + phase);
                }
            }
            inventoryState();
            line("\nSettings: " + settings + ".");
            Audit.Result audit = Audit.run(postgres, workDir);
            line("\n## Audit\n\n```\n" + audit.rendered() + "\n```");
            if (!audit.clean()) {
                failures.add("the auditor found violations");
            }
        } finally {
            if (loadGenerator != null) {
                ChildJvm.kill(loadGenerator);
            }
            Path file = workDir.resolve("report.md");
            Files.writeString(file, report);
            System.out.println(report);
            System.out.println("Report written to " + file.toAbsolutePath());
        }
        assertThat(failures).as("correctness of the benchmark's runs").isEmpty();
    }

    // ---- the processes

    private PostgresProcess startPostgres() {
        String url = setting("benchmark.db.url", "");
        if (!url.isEmpty()) {
            return PostgresProcess.external(url, setting("benchmark.db.username", "postgres"), setting("benchmark.db.password", ""));
        }
        Map<String, String> config = new LinkedHashMap<>(Map.of("shared_buffers", "256MB", "max_wal_size", "2GB"));
        if (statements) {
            config.put("shared_preload_libraries", "pg_stat_statements");
        }
        return PostgresProcess.start(workDir, config);
    }

    private KafkaBrokerProcess startKafka() {
        if (!setting("benchmark.kafka.bootstrap-servers", "").isEmpty()) {
            return null;
        }
        // as Kafka's start script runs it: G1 with short pauses and a 1 GB heap
        KafkaBrokerProcess broker = new KafkaBrokerProcess(workDir, List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent"));
        broker.start();
        return broker;
    }

    private String kafkaServers(KafkaBrokerProcess kafka) {
        return kafka == null ? setting("benchmark.kafka.bootstrap-servers", "") : kafka.bootstrapServers();
    }

    /** The all-in-one launcher jar, as {@code java -jar orderflow.jar} runs it, on the benchmark's servers. */
    private final class Application implements AutoCloseable {

        private final Process process;
        private final int port = Net.freePort();

        Application(PostgresProcess database, KafkaBrokerProcess kafka) {
            Path jar = Path.of(setting("benchmark.app.jar", Path.of("..", "..", "runtime", "launcher", "target", "orderflow.jar").toAbsolutePath().normalize().toString()));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No application jar at " + jar + ": build it with ./mvnw -DskipTests install");
            }
            List<String> jvm = new ArrayList<>(List.of(setting("benchmark.app.jvm-options", "-Xms1g -Xmx1g").split("\\s+")));
            if (profile) {
                jvm.add("-XX:StartFlightRecording=name=benchmark,settings=profile");
            }
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=" + port,
                    "--server.address=" + Net.LOOPBACK,
                    "--management.server.port=" + Net.freePort(),
                    "--orderflow.embedded.enabled=false",
                    // nothing kept in the working directory: a signing key in memory for the run
                    "--orderflow.data-directory=",
                    "--orderflow.db.url=" + database.jdbcUrl(),
                    "--orderflow.db.username=" + database.user(),
                    "--orderflow.db.password=" + database.password(),
                    "--orderflow.kafka.bootstrap-servers=" + kafkaServers(kafka),
                    "--orderflow.demo.catalogue-enabled=false",
                    "--orderflow.auth.admin.email=" + AppInstance.ADMIN_EMAIL,
                    "--orderflow.auth.admin.password=" + AppInstance.ADMIN_PASSWORD,
                    "--orderflow.auth.bcrypt-strength=4",
                    "--orderflow.auth.token-lifetime=PT6H",
                    // the limiter stays on, with room for a benchmark's customers
                    "--orderflow.edge.rate-limit.customer.requests=10000000",
                    "--orderflow.edge.rate-limit.anonymous.requests=10000000",
                    "--orderflow.payment.latency=" + paymentLatency,
                    "--logging.level.org.apache.kafka=WARN"));
            String extra = setting("benchmark.app.arguments", "");
            if (!extra.isBlank()) {
                Arrays.stream(extra.trim().split("\\s+")).forEach(arguments::add);
            }
            Path log = workDir.resolve("application.log");
            process = ChildJvm.startJar(log, jvm, jar, arguments);
            boolean ready = Net.waitUntil(Duration.ofMinutes(3), Duration.ofMillis(500), () -> !process.isAlive()
                    || new ShopClient(baseUrl()).get("/readyz", null).is(200));
            if (!ready || !process.isAlive()) {
                throw new IllegalStateException("The application did not become ready; see " + log);
            }
        }

        long pid() {
            return process.pid();
        }

        /** The flight recording so far, written to {@code file}. */
        Path dumpRecording(Path file) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid()), "JFR.dump", "name=benchmark", "filename=" + file).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            jcmd.waitFor(2, TimeUnit.MINUTES);
            return file;
        }

        String baseUrl() {
            return "http://" + Net.LOOPBACK + ":" + port;
        }

        @Override
        public void close() {
            ChildJvm.kill(process);
        }
    }

    // ---- set-up: products and customers, and the check that a product is orderable once created

    private void setUp(List<String> phases) throws IOException {
        String admin = shop.adminToken();
        hotProduct = newProduct(admin, "Hot product", 1_000_000);
        if (phases.contains("catalogue")) {
            int size = Integer.parseInt(setting("benchmark.catalogue.products", "1000"));
            catalogue = IntStream.range(0, size).mapToObj(i -> newProduct(admin, "Catalogue product " + i, 1_000_000)).toList();
        }
        int customers = Integer.parseInt(setting("benchmark.customers", "50"));
        List<String> tokens = IntStream.range(0, customers).mapToObj(i -> shop.newCustomerToken()).toList();
        assertThat(tokens).as("customer tokens").doesNotContainNull();
        tokensFile = workDir.resolve("tokens.txt");
        Files.write(tokensFile, tokens);
        createdMeansUsable(admin, tokens.get(0));
    }

    private String newProduct(String admin, String name, int stock) {
        ShopClient.Answer answer = shop.addProduct(admin, name, "10.00", stock);
        if (!answer.is(201)) {
            throw new IllegalStateException("Product not created: " + answer);
        }
        return answer.text("productId");
    }

    /** Target 7: an order placed right after the 201 of a new product, or of a restock, is accepted. */
    private void createdMeansUsable(String admin, String customer) {
        int tries = Integer.parseInt(setting("benchmark.created-usable.tries", "20"));
        int refusedAfterCreate = 0;
        int refusedAfterRestock = 0;
        for (int i = 0; i < tries; i++) {
            String product = newProduct(admin, "Fresh product " + i, 0);
            ShopClient.Answer restock = shop.restock(admin, product, 1);
            if (!restock.is(202)) {
                throw new IllegalStateException("Restock refused: " + restock);
            }
            if (!shop.placeOrder(customer, UUID.randomUUID().toString(), Map.of(product, 1)).is(202)) {
                refusedAfterRestock++;
            }
            String created = newProduct(admin, "New product " + i, 5);
            if (!shop.placeOrder(customer, UUID.randomUUID().toString(), Map.of(created, 1)).is(202)) {
                refusedAfterCreate++;
            }
        }
        line("## Created means usable\n\nOf %d orders placed right after a product's 201, %d refused; of %d placed right after a restock, %d refused.\n"
                .formatted(tries, refusedAfterCreate, tries, refusedAfterRestock));
        awaitQuiet();
    }

    // ---- the workloads

    private void closedLoad(String name, List<String> products, int maxLines) throws Exception {
        int connections = Integer.parseInt(setting("benchmark.connections", "16"));
        List<Integer> warmups = Arrays.stream(setting("benchmark.warmup", "300,2000,3000").split(","))
                .map(String::trim).filter(size -> !size.isEmpty()).map(Integer::parseInt).toList();
        for (int warmup : warmups) {
            runPhase(name + ", warm-up", Map.of("mode", "closed", "orders", String.valueOf(warmup),
                    "connections", String.valueOf(connections)), products, maxLines, false);
        }
        runPhase(name, Map.of("mode", "closed", "orders", setting("benchmark.orders", "3000"),
                "connections", String.valueOf(connections)), products, maxLines, true);
    }

    private void openLoad(String name, double rate, Duration duration) throws Exception {
        runPhase(name, Map.of("mode", "open", "rate", String.valueOf(rate), "duration", duration.toString(),
                "connections", setting("benchmark.open.connections", "256")), List.of(hotProduct), 1, true);
    }

    private void idle() throws Exception {
        runPhase("one order at a time", Map.of("mode", "sequential", "orders", setting("benchmark.idle.orders", "20"),
                "connections", "1"), List.of(hotProduct), 1, true);
    }

    private double rate(double share) {
        return Double.parseDouble(setting("benchmark.rate", "300")) * share;
    }

    private Duration duration(double share) {
        return Duration.ofMillis((long) (Duration.parse(setting("benchmark.duration", "PT60S")).toMillis() * share));
    }

    private void runPhase(String name, Map<String, String> load, List<String> products, int maxLines, boolean reported) throws Exception {
        String loadBefore = ResourceSnapshot.loadAverage();
        long startIndex;
        Database databaseBefore;
        try (Connection connection = postgres.connect()) {
            startIndex = lastGlobalIndex(connection);
            databaseBefore = Database.read(connection);
        }
        if (statements && reported) {
            try (Connection connection = postgres.connect()) {
                connection.createStatement().execute("SELECT pg_stat_statements_reset()");
            }
        }
        Map<String, Long> cpuBefore = ResourceSnapshot.cpuOf(processes);
        long machineBefore = ResourceSnapshot.machineBusyTicks();
        long startedAt = System.currentTimeMillis();

        Backlogs backlogs = Backlogs.sample(postgres, kafkaServers, Duration.ofSeconds(2));
        LoadRun run;
        Map<String, Instant[]> settled;
        try {
            run = generateLoad(name, load, products, maxLines);
            settled = awaitSettled(run.acceptedOrderIds(), startIndex);
        } finally {
            backlogs.close();
        }

        Map<String, Long> cpuAfter = ResourceSnapshot.cpuOf(processes);
        long machineAfter = ResourceSnapshot.machineBusyTicks();
        long endedAt = System.currentTimeMillis();
        String loadAfter = ResourceSnapshot.loadAverage();
        Net.sleep(ResourceSnapshot.STATS_SETTLE);
        Database databaseAfter;
        Map<String, Long> reasons;
        try (Connection connection = postgres.connect()) {
            databaseAfter = Database.read(connection);
            reasons = cancellationReasons(connection, startIndex);
        }
        if (reported) {
            report(name, load, run, settled, reasons, cpuBefore, cpuAfter, machineAfter - machineBefore, databaseBefore, databaseAfter,
                    endedAt - startedAt, loadBefore, loadAfter);
            double orders = Math.max(run.acceptedOrderIds().size(), 1);
            line(backlogs.summary());
            try (Connection connection = postgres.connect()) {
                line(Stages.of(connection, startIndex, new HashSet<>(run.acceptedOrderIds())));
            }
            if (statements) {
                line(topStatements(orders));
            }
            if (profile) {
                Path recording = application.dumpRecording(workDir.resolve("application-" + name.replaceAll("[^a-z0-9]+", "-") + ".jfr"));
                line(ApplicationProfile.between(recording, Instant.ofEpochMilli(startedAt), Instant.ofEpochMilli(endedAt), 30));
            }
        } else {
            System.out.printf("%s: %d orders accepted, settled; load average %s%n", name, run.acceptedOrderIds().size(), loadAfter);
        }
    }

    /** What the load generator did, and its CPU. */
    private record LoadRun(List<Outcome> outcomes, long cpuNanos) {

        List<String> acceptedOrderIds() {
            return outcomes.stream().filter(outcome -> outcome.status() == 202).map(Outcome::orderId).toList();
        }
    }

    /** One load generator for the whole benchmark, so that its warm-up is paid once (it reads runs from its input). */
    private Process loadGenerator() {
        if (loadGenerator == null || !loadGenerator.isAlive()) {
            loadGenerator = ChildJvm.start(workDir.resolve("load-generator.log"), List.of("-Xmx512m", "-XX:+UseParallelGC"),
                    ChildJvm.classpath(), LoadGenerator.class.getName(), List.of());
        }
        return loadGenerator;
    }

    private LoadRun generateLoad(String name, Map<String, String> load, List<String> products, int maxLines) throws Exception {
        String slug = (++runs) + "-" + name.replaceAll("[^a-z0-9]+", "-");
        Path settingsFile = workDir.resolve("load-" + slug + ".properties");
        Path out = workDir.resolve("load-" + slug + ".csv");
        Map<String, String> all = new LinkedHashMap<>(load);
        all.put("url", shop.baseUrl());
        all.put("tokens", tokensFile.toString());
        all.put("products", String.join(",", products));
        all.put("lines.min", "1");
        all.put("lines.max", String.valueOf(maxLines));
        all.put("out", out.toString());
        Files.write(settingsFile, all.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
        Process generator = loadGenerator();
        Path done = out.resolveSibling(out.getFileName() + ".done");
        generator.getOutputStream().write((settingsFile + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        generator.getOutputStream().flush();
        if (!Net.waitUntil(Duration.ofMinutes(30), Duration.ofMillis(100), () -> Files.exists(done) || !generator.isAlive())
                || !Files.exists(done)) {
            throw new IllegalStateException("The load generator failed; see " + workDir.resolve("load-generator.log"));
        }
        List<String> lines = Files.readAllLines(out);
        long cpu = Long.parseLong(lines.get(0).substring(lines.get(0).indexOf('=') + 1));
        return new LoadRun(lines.stream().skip(1).map(Outcome::parse).toList(), cpu);
    }

    // ---- settling and what the event store says about it

    /** Waits until every accepted order has its CONFIRMED or CANCELLED; answers each order's placement and settlement times. */
    private Map<String, Instant[]> awaitSettled(List<String> accepted, long startIndex) throws SQLException {
        Set<String> wanted = new HashSet<>(accepted);
        Map<String, Instant[]> times = new HashMap<>();
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        long[] scannedUpTo = {startIndex};
        long[] settled = {0};
        try (Connection connection = postgres.connect()) {
            do {
                Net.sleep(Duration.ofSeconds(1));
                scanOrderEvents(connection, startIndex, scannedUpTo, wanted, times, settled);
            } while (settled[0] < wanted.size() && System.nanoTime() < deadline);
        }
        long unsettled = wanted.size() - settled[0];
        if (unsettled > 0) {
            failures.add(unsettled + " accepted orders did not settle within " + SETTLE_LIMIT);
        }
        return times;
    }

    /**
     * Reads the placement and settlement events appended since the last scan, and a margin before it: a
     * transaction that took its global index earlier may commit later.
     */
    private static void scanOrderEvents(Connection connection, long startIndex, long[] scannedUpTo, Set<String> wanted,
                                        Map<String, Instant[]> times, long[] settled) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT global_index, aggregate_identifier, payload_type, time_stamp"
                + " FROM axon.domain_event_entry WHERE global_index > ? AND payload_type IN (?, ?, ?)")) {
            query.setLong(1, Math.max(startIndex, scannedUpTo[0] - SCAN_MARGIN));
            query.setString(2, PLACED);
            query.setString(3, CONFIRMED);
            query.setString(4, CANCELLED);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    scannedUpTo[0] = Math.max(scannedUpTo[0], rows.getLong(1));
                    String order = rows.getString(2);
                    if (!wanted.contains(order)) {
                        continue;
                    }
                    Instant[] pair = times.computeIfAbsent(order, id -> new Instant[2]);
                    Instant at = Instant.parse(rows.getString(4));
                    if (PLACED.equals(rows.getString(3))) {
                        pair[0] = at;
                    } else if (pair[1] == null) {
                        pair[1] = at;
                        settled[0]++;
                    } else if (at.isBefore(pair[1])) {
                        pair[1] = at;
                    }
                }
            }
        }
    }

    private static long lastGlobalIndex(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(max(global_index), 0) FROM axon.domain_event_entry");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, Long> cancellationReasons(Connection connection, long startIndex) throws SQLException {
        Map<String, Long> reasons = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT payload FROM axon.domain_event_entry WHERE global_index > ? AND payload_type = ?")) {
            query.setLong(1, startIndex);
            query.setString(2, CANCELLED);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    JsonNode payload = ShopClient.JSON.readTree(rows.getBytes(1));
                    reasons.merge(payload.path("reason").asText("?"), 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reasons;
    }

    /** Waits until nothing is left to settle, so that a phase does not pay for the one before. */
    private void awaitQuiet() {
        try (Connection connection = postgres.connect()) {
            long placed = countOf(connection, PLACED);
            Net.waitUntil(SETTLE_LIMIT, Duration.ofMillis(250), () -> {
                try {
                    return countOf(connection, CONFIRMED) + countOf(connection, CANCELLED) >= placed;
                } catch (SQLException e) {
                    return false;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long countOf(Connection connection, String payloadType) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM axon.domain_event_entry WHERE payload_type = ?")) {
            query.setString(1, payloadType);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    // ---- one product's reservations, apart from the pipeline

    /**
     * Target 5: the reservations one product takes per second, measured apart from the rest of the pipeline (which
     * limits the other workloads long before one product's {@code Inventory} does). {@link ReservationLoad} runs the
     * aggregate as the inventory-service does, in a database of its own on the same PostgreSQL server, while the
     * application stays idle; this reports, for each step, the rate, the CPU per reservation of that process, of
     * PostgreSQL and of the machine, PostgreSQL's write transactions, and the product's events and snapshot size.
     */
    private void reservations() throws Exception {
        String database = "reservations_" + System.currentTimeMillis();
        try (Connection connection = postgres.connect()) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
        String url = postgres.jdbcUrl().substring(0, postgres.jdbcUrl().lastIndexOf('/') + 1) + database;
        String steps = setting("benchmark.reservations.steps", "10000,90000");
        String batch = setting("benchmark.reservations.batch", "50");
        List<String> jvm = List.of(setting("benchmark.app.jvm-options", "-Xms1g -Xmx1g").split("\\s+"));
        Process load = ChildJvm.start(workDir.resolve("reservation-load.log"), jvm, ChildJvm.classpath(), ReservationLoad.class.getName(),
                List.of(url, postgres.user(), postgres.password(), steps, batch));
        Map<String, ProcessGroup> measured = new LinkedHashMap<>();
        measured.put("reservation process", new ProcessGroup(load.pid(), false));
        measured.put("PostgreSQL", processes.get("PostgreSQL"));
        measured.put("application (idle)", processes.get("application"));
        Path log = workDir.resolve("reservation-load.log");
        try (Connection connection = DriverManager.getConnection(url, postgres.user(), postgres.password())) {
            line("## Reservations on one product, apart from the pipeline\n");
            line("Batches of %s orders, each reserving one unit and committing the batch before's: two commands per order on one product, one transaction per batch (as the saga's batch).\n".formatted(batch));
            line("| orders so far | reservations/s | CPU ms per reservation: machine / reservation process / PostgreSQL / application (idle) | write transactions per reservation | product's events / latest snapshot bytes | load average before, after |");
            line("|---|---|---|---|---|---|");
            String product = awaitResult(load, log, 0).substring("result.product=".length());
            long total = 0;
            for (int step = 0; awaitResult(load, log, 1 + 2 * step).equals("result.ready"); step++) {
                String loadBefore = ResourceSnapshot.loadAverage();
                Map<String, Long> cpuBefore = ResourceSnapshot.cpuOf(measured);
                long machineBefore = ResourceSnapshot.machineBusyTicks();
                Database before = Database.read(connection);
                tell(load, "go");
                String result = awaitResult(load, log, 2 + 2 * step);
                Map<String, Long> cpuAfter = ResourceSnapshot.cpuOf(measured);
                long machineAfter = ResourceSnapshot.machineBusyTicks();
                Database after = Database.read(connection);
                Map<String, Long> figures = Arrays.stream(result.substring("result.step ".length()).split(" "))
                        .collect(Collectors.toMap(pair -> pair.substring(0, pair.indexOf('=')), pair -> Long.parseLong(pair.substring(pair.indexOf('=') + 1))));
                long orders = figures.get("orders");
                total += orders;
                String perProcess = measured.keySet().stream()
                        .map(name -> String.format(Locale.ROOT, "%.3f", (cpuAfter.get(name) - cpuBefore.get(name)) * 1000.0 / ResourceSnapshot.TICKS_PER_SECOND / orders))
                        .collect(Collectors.joining(" / "));
                line(String.format(Locale.ROOT, "| %d | %.0f | %.3f / %s | %.3f | %s | %s, %s |", total, orders / (figures.get("nanos") / 1e9),
                        (machineAfter - machineBefore) * 1000.0 / ResourceSnapshot.TICKS_PER_SECOND / orders, perProcess,
                        (after.xids() - before.xids()) / (double) orders, productState(connection, product), loadBefore, ResourceSnapshot.loadAverage()));
            }
            tell(load, "end");
            line("");
        } finally {
            load.waitFor(60, TimeUnit.SECONDS);
            ChildJvm.kill(load);
        }
    }

    /** The {@code index}-th {@code result.} line {@link ReservationLoad} wrote to its log, once it is there. */
    private static String awaitResult(Process load, Path log, int index) throws IOException {
        List<String>[] results = new List[1];
        Net.waitUntil(Duration.ofMinutes(30), Duration.ofMillis(50), () -> {
            try {
                String written = Files.readString(log);
                // complete lines only: the last may still be being written
                results[0] = written.substring(0, written.lastIndexOf('\n') + 1).lines().filter(text -> text.startsWith("result.")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return results[0].size() > index || !load.isAlive();
        });
        if (results[0].size() <= index) {
            throw new IllegalStateException("The reservation load failed; see " + log);
        }
        return results[0].get(index);
    }

    private static void tell(Process load, String text) throws IOException {
        load.getOutputStream().write((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        load.getOutputStream().flush();
    }

    private static String productState(Connection connection, String product) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT (SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?),
                       (SELECT length(payload) FROM axon.snapshot_event_entry WHERE aggregate_identifier = ?
                         ORDER BY sequence_number DESC LIMIT 1)""")) {
            query.setString(1, product);
            query.setString(2, product);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) + " / " + (row.getObject(2) == null ? "none" : row.getLong(2));
            }
        }
    }

    // ---- the Inventory aggregate's state

    private void inventoryState() throws SQLException {
        try (Connection connection = postgres.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT (SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?),
                            (SELECT length(payload) FROM axon.snapshot_event_entry WHERE aggregate_identifier = ?
                              ORDER BY sequence_number DESC LIMIT 1)""")) {
            query.setString(1, hotProduct);
            query.setString(2, hotProduct);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                line("\n## The hot product's Inventory\n\n%d events; latest snapshot %s bytes.\n"
                        .formatted(row.getLong(1), row.getObject(2) == null ? "(none)" : row.getLong(2)));
            }
        }
    }

    // ---- the report

    private void header(Application app) {
        line("# Benchmark, " + Instant.now());
        line("");
        line("Machine: %d cores, %s, Java %s; load average at start %s.".formatted(Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version"), ResourceSnapshot.loadAverage()));
        line("Processes: application pid %d, PostgreSQL postmaster pid %d, Kafka broker pid %d; the load generator starts per run."
                .formatted(app.pid(), processes.get("PostgreSQL").pid(), processes.get("Kafka broker").pid()));
        line("");
    }

    private void report(String name, Map<String, String> load, LoadRun run, Map<String, Instant[]> settled, Map<String, Long> reasons,
                        Map<String, Long> cpuBefore, Map<String, Long> cpuAfter, long machineTicks,
                        Database before, Database after, long wallMillis, String loadBefore, String loadAfter) {
        List<Outcome> outcomes = run.outcomes();
        long accepted = outcomes.stream().filter(outcome -> outcome.status() == 202).count();
        Map<String, Long> refused = outcomes.stream().filter(outcome -> outcome.status() != 202)
                .collect(Collectors.groupingBy(outcome -> outcome.status() + " " + outcome.code()
                        + (outcome.retryAfter() ? " (Retry-After)" : ""), TreeMap::new, Collectors.counting()));
        long firstDue = outcomes.stream().mapToLong(Outcome::dueMicros).min().orElse(0);
        long lastAnswer = outcomes.stream().mapToLong(outcome -> outcome.dueMicros() + outcome.latencyMicros()).max().orElse(0);
        long[] acceptLatencies = outcomes.stream().filter(outcome -> outcome.status() == 202).mapToLong(Outcome::latencyMicros).sorted().toArray();
        List<Instant[]> complete = settled.values().stream().filter(pair -> pair[0] != null && pair[1] != null).toList();
        long paymentMicros = name.startsWith("one order") ? paymentLatency.toNanos() / 1000 : 0;
        long[] orderLatencies = complete.stream()
                .mapToLong(pair -> Duration.between(pair[0], pair[1]).toNanos() / 1000 - paymentMicros).sorted().toArray();
        long lastSettled = complete.stream().mapToLong(pair -> pair[1].toEpochMilli() * 1000).max().orElse(lastAnswer);
        double acceptRate = accepted / Math.max((lastAnswer - firstDue) / 1e6, 1e-3);
        double endToEndRate = complete.size() / Math.max((lastSettled - firstDue) / 1e6, 1e-3);
        double orders = Math.max(accepted, 1);

        line("## " + name);
        line("");
        line("Load: %s. Load average %s before, %s after; %.1f s.".formatted(load, loadBefore, loadAfter, wallMillis / 1000.0));
        line("");
        line("| figure | value |");
        line("|---|---|");
        line("| orders sent / accepted (202) | %d / %d |".formatted(outcomes.size(), accepted));
        if (!refused.isEmpty()) {
            line("| refused | %s |".formatted(refused));
        }
        line("| orders/s accepted | %.1f |".formatted(acceptRate));
        line("| orders/s end to end (first sent to last settled) | %.1f |".formatted(endToEndRate));
        line("| accept latency p50 / p95 / p99 / max | %s |".formatted(percentiles(acceptLatencies)));
        line("| order latency p50 / p95 / p99 / max (OrderPlaced to CONFIRMED or CANCELLED%s) | %s |".formatted(
                paymentMicros > 0 ? ", less the payment service's " + paymentLatency.toMillis() + " ms" : "", percentiles(orderLatencies)));
        line("| settled | %d confirmed, %d cancelled %s |".formatted(complete.size() - reasons.values().stream().mapToLong(Long::longValue).sum(),
                reasons.values().stream().mapToLong(Long::longValue).sum(), reasons));
        StringBuilder cpu = new StringBuilder();
        double groups = 0;
        for (String process : cpuAfter.keySet()) {
            long ticks = cpuAfter.get(process) - cpuBefore.get(process);
            if (cpuAfter.get(process) < 0 || cpuBefore.get(process) < 0) {
                cpu.append(process).append(" n/a, ");
                continue;
            }
            double millis = ticks * 1000.0 / ResourceSnapshot.TICKS_PER_SECOND / orders;
            groups += millis;
            cpu.append(process).append(' ').append(String.format(Locale.ROOT, "%.2f", millis)).append(", ");
        }
        double generator = run.cpuNanos() / 1e6 / orders;
        double machine = machineTicks * 1000.0 / ResourceSnapshot.TICKS_PER_SECOND / orders;
        cpu.append("load generator ").append(String.format(Locale.ROOT, "%.2f", generator));
        line("| **CPU ms per order, whole machine** | **%.2f** |".formatted(machine));
        line("| CPU ms per order by process | %s; other %.2f |".formatted(cpu, machine - groups - generator));
        line("| per order: write transactions / commits / row writes / WAL | %.1f / %.1f / %.1f / %.1f KB |".formatted(
                (after.xids() - before.xids()) / orders, (after.commits() - before.commits()) / orders,
                (after.rowWrites() - before.rowWrites()) / orders, walBytes(before, after) / 1024.0 / orders));
        line("| row writes per order by table (ins/upd/del) | %s |".formatted(rowsByTable(before, after, orders)));
        line("");
    }

    /** What PostgreSQL spent its time on during the workload ({@code benchmark.statements=true}). */
    private String topStatements(double orders) throws SQLException {
        StringBuilder top = new StringBuilder("Statements by total execution time (pg_stat_statements): calls per order, mean ms, share\n\n");
        try (Connection connection = postgres.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT calls, mean_exec_time, total_exec_time / sum(total_exec_time) OVER () AS share, query
                       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String text = rows.getString(4).replaceAll("\\s+", " ");
                top.append(String.format(Locale.ROOT, "- %.2f, %.3f, %.1f%%: `%s`%n", rows.getLong(1) / orders, rows.getDouble(2),
                        rows.getDouble(3) * 100, text.length() > 160 ? text.substring(0, 160) + "..." : text));
            }
        }
        return top.toString();
    }

    private long walBytes(Database before, Database after) {
        try (Connection connection = postgres.connect();
             PreparedStatement query = connection.prepareStatement("SELECT pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)::bigint")) {
            query.setString(1, after.walPosition());
            query.setString(2, before.walPosition());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rowsByTable(Database before, Database after, double orders) {
        return after.rowsByTable().entrySet().stream()
                .map(table -> {
                    long[] then = before.rowsByTable().getOrDefault(table.getKey(), new long[3]);
                    long[] now = table.getValue();
                    return Map.entry(table.getKey(), new double[] {(now[0] - then[0]) / orders, (now[1] - then[1]) / orders, (now[2] - then[2]) / orders});
                })
                .filter(table -> table.getValue()[0] + table.getValue()[1] + table.getValue()[2] >= 0.05)
                .sorted((a, b) -> Double.compare(b.getValue()[0] + b.getValue()[1] + b.getValue()[2], a.getValue()[0] + a.getValue()[1] + a.getValue()[2]))
                .map(table -> String.format(Locale.ROOT, "%s %.1f/%.1f/%.1f", table.getKey(), table.getValue()[0], table.getValue()[1], table.getValue()[2]))
                .collect(Collectors.joining(", "));
    }

    private static String percentiles(long[] sortedMicros) {
        if (sortedMicros.length == 0) {
            return "n/a";
        }
        return "%s / %s / %s / %s ms".formatted(millis(percentile(sortedMicros, 0.50)), millis(percentile(sortedMicros, 0.95)),
                millis(percentile(sortedMicros, 0.99)), millis(sortedMicros[sortedMicros.length - 1]));
    }

    private static long percentile(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.1f" : "%.0f", micros / 1000.0);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private String setting(String name, String fallback) {
        String value = System.getProperty(name, fallback);
        settings.put(name, value);
        return value;
    }
}

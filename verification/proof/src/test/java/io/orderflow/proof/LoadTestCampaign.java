package io.orderflow.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.Simulation;
import io.orderflow.load.LoadRun;
import io.orderflow.load.OversellSimulation;
import io.orderflow.load.ThroughputSimulation;
import io.orderflow.testsupport.kafka.KafkaBrokerProcess;
import io.orderflow.testsupport.process.ChildJvm;
import io.orderflow.testsupport.process.Net;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Gatling load tests against the out-of-process system, then the auditor (docs/load-tests.md): not part of
 * CI, run with {@code tools/load-tests.sh}. It starts PostgreSQL ({@code fsync} and {@code synchronous_commit} on),
 * the Kafka broker and the launcher's {@code orderflow.jar} as processes of their own (every payment approved, the
 * suite's administrator, a customer rate limit with room for the load), runs {@link ThroughputSimulation} and
 * then {@link OversellSimulation} against the application through {@link LoadRun} (Gatling in this JVM is the
 * load generator), and runs the auditor on the store. It fails when a simulation's assertions did not hold or
 * the auditor is not clean, and writes {@code report.md} and the Gatling reports under
 * {@code verification/proof/target/proof/load-tests/}.
 *
 * <p>Settings (system properties): {@code load-tests.simulations} ({@code throughput,oversell}),
 * {@code load-tests.app.jar}, {@code load-tests.app.jvm-options} ({@code -Xms1g -Xmx1g}),
 * {@code load-tests.app.arguments} (more arguments for the application), and every {@code orderflow.load.*}
 * setting of the simulations, which they read from this JVM's system properties.
 */
@Tag("load-tests")
class LoadTestCampaign {

    private static final Map<String, Class<? extends Simulation>> SIMULATIONS = Map.of(
            "throughput", ThroughputSimulation.class,
            "oversell", OversellSimulation.class);

    private final Path workDir = Path.of(System.getProperty("proof.work-dir", "target/proof"), "load-tests");
    private final StringBuilder report = new StringBuilder();
    private final List<String> failures = new ArrayList<>();
    /** What this JVM printed during the run: Gatling's console keeps the {@code System.out} it first saw. */
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void theSimulationsHoldAndTheAuditorIsCleanAfterThem() throws Exception {
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        Path results = workDir.resolve("gatling");
        List<String> simulations = Arrays.stream(System.getProperty("load-tests.simulations", "throughput,oversell").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(new Tee(stdout, printed), true, StandardCharsets.UTF_8));
        line("# Load tests against the out-of-process system\n");
        line("Started %s on %d cores, load average %s.\n".formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                ResourceSnapshot.loadAverage()));
        try (PostgresProcess postgres = PostgresProcess.start(workDir);
             KafkaBrokerProcess kafka = startKafka();
             Application app = new Application(postgres, kafka)) {
            line("Processes: PostgreSQL (log %s), the Kafka broker (pid %d, log %s), the application (pid %d at %s, log %s).\n"
                    .formatted(postgres.log(), kafka.pid(), kafka.log(), app.process.pid(), app.baseUrl(), app.log));
            for (String name : simulations) {
                Class<? extends Simulation> simulation = SIMULATIONS.get(name);
                if (simulation == null) {
                    throw new IllegalArgumentException("Unknown simulation " + name + "; known: " + SIMULATIONS.keySet());
                }
                simulate(name, simulation, app.baseUrl(), results);
            }
            Audit.Result audit = Audit.run(postgres, workDir);
            line("## Audit\n\n```\n" + audit.rendered().strip() + "\n```");
            if (!audit.clean()) {
                failures.add("the auditor found violations: " + audit.violations());
            }
        } finally {
            System.setOut(stdout);
            line("\nEnded %s, load average %s.".formatted(Instant.now(), ResourceSnapshot.loadAverage()));
            Path file = workDir.resolve("report.md");
            Files.writeString(file, report);
            System.out.println(report);
            System.out.println("Report written to " + file.toAbsolutePath());
        }
        assertThat(failures).as("the load tests and the audit").isEmpty();
    }

    /** Runs one simulation, with what it printed and its Gatling report in the campaign's report. */
    private void simulate(String name, Class<? extends Simulation> simulation, String baseUrl, Path results) throws IOException {
        Set<Path> before = reports(results);
        String loadBefore = ResourceSnapshot.loadAverage();
        long started = System.nanoTime();
        int printedBefore = printed.size();
        int status = LoadRun.run(simulation, baseUrl, Map.of(
                "orderflow.admin.email", AppInstance.ADMIN_EMAIL,
                "orderflow.admin.password", AppInstance.ADMIN_PASSWORD,
                LoadRun.RESULTS, results.toString()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        line("## %s (%s)\n".formatted(name, simulation.getSimpleName()));
        line("- result: %s (Gatling exit status %d), %d s, load average %s before, %s after"
                .formatted(status == 0 ? "every assertion held" : "FAILED", status, took.toSeconds(), loadBefore,
                        ResourceSnapshot.loadAverage()));
        if (simulation == OversellSimulation.class && status == 0) {
            line("- oversell: %s orders of one unit at once for %s units; once all had settled, exactly %s CONFIRMED and the product's units committed, none reserved"
                    .formatted(System.getProperty(OversellSimulation.ORDERS, "200"), System.getProperty(OversellSimulation.STOCK, "10"),
                            System.getProperty(OversellSimulation.EXPECTED_CONFIRMED, System.getProperty(OversellSimulation.STOCK, "10"))));
        }
        byte[] all = printed.toByteArray();
        List<String> console = new String(all, printedBefore, all.length - printedBefore, StandardCharsets.UTF_8).lines().toList();
        console.stream().filter(text -> text.startsWith("Throughput:") || text.startsWith("Accept latency"))
                .forEach(text -> line("- " + text));
        Set<Path> added = reports(results);
        added.removeAll(before);
        added.forEach(directory -> line("- Gatling report: " + directory.resolve("index.html").toAbsolutePath()));
        line("\n```\n" + block(console, "---- Requests ", String::isBlank) + "\n"
                + block(console, "---- Global Information ", text -> text.startsWith("---- Response Time Distribution")) + "```");
        line("");
        if (status != 0) {
            failures.add(name + ": Gatling exit status " + status);
        }
    }

    /** Gatling's last console block that starts with {@code header}, up to the line {@code end} accepts: its request counts and times. */
    private static String block(List<String> console, String header, Predicate<String> end) {
        int start = -1;
        for (int i = 0; i < console.size(); i++) {
            if (console.get(i).startsWith(header)) {
                start = i;
            }
        }
        if (start < 0) {
            return "";
        }
        StringBuilder block = new StringBuilder();
        for (int i = start; i < console.size() && !end.test(console.get(i)); i++) {
            block.append(console.get(i)).append('\n');
        }
        return block.toString();
    }

    private static Set<Path> reports(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return new TreeSet<>();
        }
        try (Stream<Path> entries = Files.list(results)) {
            return entries.filter(Files::isDirectory).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private KafkaBrokerProcess startKafka() {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(workDir);
        broker.start();
        return broker;
    }

    /** The launcher's jar, as {@code java -jar orderflow.jar} runs it, configured as docs/load-tests.md says. */
    private final class Application implements AutoCloseable {

        private final Process process;
        private final Path log = workDir.resolve("application.log");
        private final int port = Net.freePort();

        Application(PostgresProcess database, KafkaBrokerProcess kafka) {
            Path jar = Path.of(System.getProperty("load-tests.app.jar",
                    Path.of("..", "..", "runtime", "launcher", "target", "orderflow.jar").toAbsolutePath().normalize().toString()));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No application jar at " + jar + ": run tools/load-tests.sh, which builds it");
            }
            List<String> jvm = List.of(System.getProperty("load-tests.app.jvm-options", "-Xms1g -Xmx1g").trim().split("\\s+"));
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("server.port", String.valueOf(port));
            settings.put("server.address", Net.LOOPBACK);
            settings.put("management.server.port", String.valueOf(Net.freePort()));
            settings.put("orderflow.embedded.enabled", "false");
            settings.put("orderflow.data-directory", "");
            settings.put("orderflow.db.url", database.jdbcUrl());
            settings.put("orderflow.db.username", database.user());
            settings.put("orderflow.db.password", database.password());
            settings.put("orderflow.kafka.bootstrap-servers", kafka.bootstrapServers());
            settings.put("orderflow.demo.catalogue-enabled", "false");
            settings.put("orderflow.auth.admin.email", AppInstance.ADMIN_EMAIL);
            settings.put("orderflow.auth.admin.password", AppInstance.ADMIN_PASSWORD);
            // the oversell run checks exactly as many confirmed orders as units: every payment approved
            settings.put("orderflow.payment.approval-rate", "1");
            // the limiter stays on, with room for the simulations' few customers
            settings.put("orderflow.edge.rate-limit.customer.requests", "100000");
            settings.put("logging.level.org.apache.kafka", "WARN");
            List<String> arguments = new ArrayList<>(settings.entrySet().stream()
                    .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toList());
            String extra = System.getProperty("load-tests.app.arguments", "");
            if (!extra.isBlank()) {
                arguments.addAll(List.of(extra.trim().split("\\s+")));
            }
            line("Application: `java %s -jar %s %s`\n".formatted(String.join(" ", jvm), jar, arguments.stream()
                    .filter(argument -> !argument.startsWith("--orderflow.db.password") && !argument.startsWith("--orderflow.auth.admin.password"))
                    .collect(Collectors.joining(" "))));
            process = ChildJvm.startJar(log, jvm, jar, arguments);
            boolean ready = Net.waitUntil(Duration.ofMinutes(3), Duration.ofMillis(500), () -> !process.isAlive()
                    || new ShopClient(baseUrl()).get("/readyz", null).is(200));
            if (!ready || !process.isAlive()) {
                ChildJvm.kill(process);
                throw new IllegalStateException("The application did not become ready; see " + log);
            }
        }

        String baseUrl() {
            return "http://" + Net.LOOPBACK + ":" + port;
        }

        @Override
        public void close() {
            ChildJvm.kill(process);
        }
    }

    /** Writes to the console and keeps a copy. */
    private static final class Tee extends OutputStream {

        private final OutputStream console;
        private final OutputStream copy;

        Tee(OutputStream console, OutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            copy.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}

package io.orderflow.proof;

import io.orderflow.testsupport.process.ChildJvm;
import io.orderflow.testsupport.process.Net;
import java.io.File;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole application ({@code io.orderflow.app.OrderflowApplication}) in a JVM of its own, on the
 * external PostgreSQL and Kafka, on a fixed loopback port that survives restarts. {@link #kill()} is
 * SIGKILL: no shutdown hook, no graceful stop, in-flight work lost as in a crash.
 */
final class AppInstance implements AutoCloseable {

    static final String MAIN_CLASS = "io.orderflow.app.OrderflowApplication";
    static final String ADMIN_EMAIL = "admin@proof.test";
    static final String ADMIN_PASSWORD = "admin-password-for-the-proof-suite";
    /** One signing key for every instance of a run, so a token issued by one is accepted by the others. */
    private static final String SIGNING_KEY = newSigningKey();

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> arguments;
    private Process process;
    private int kills;

    AppInstance(String name, Path workDir, String jdbcUrl, String kafkaServers, List<String> extraProperties) {
        this.name = name;
        this.port = Net.freePort();
        this.log = workDir.resolve(name + ".log");
        List<String> properties = new ArrayList<>(List.of(
                "server.port=" + port,
                "server.address=" + Net.LOOPBACK,
                "management.server.port=" + Net.freePort(),
                "orderflow.embedded.enabled=false",
                "orderflow.db.url=" + jdbcUrl,
                "orderflow.db.username=" + PostgresProcess.USER,
                "orderflow.db.password=" + PostgresProcess.PASSWORD,
                "orderflow.kafka.bootstrap-servers=" + kafkaServers,
                "orderflow.demo.catalogue-enabled=false",
                "orderflow.auth.admin.email=" + ADMIN_EMAIL,
                "orderflow.auth.admin.password=" + ADMIN_PASSWORD,
                "orderflow.auth.bcrypt-strength=4",
                "orderflow.auth.keys[0].id=proof-suite",
                "orderflow.auth.keys[0].private-key=" + SIGNING_KEY,
                "orderflow.edge.rate-limit.enabled=false",
                "logging.level.org.apache.kafka=WARN",
                "management.endpoint.health.probes.enabled=true"));
        properties.addAll(extraProperties);
        this.arguments = properties.stream().map(property -> "--" + property).toList();
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://" + Net.LOOPBACK + ":" + port;
    }

    Path log() {
        return log;
    }

    int kills() {
        return kills;
    }

    /** The process id, which Axon puts into the owner of the token segments it claims ({@code pid@host}). */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    /**
     * The classpath without the auditor module: the application scans every {@code io.orderflow} package
     * and would pick up the auditor's configuration too.
     */
    static String classpath() {
        return Arrays.stream(ChildJvm.classpath().split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').matches(".*/auditor/target/.*|.*/io/orderflow/auditor/.*"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the JVM and waits until the application reports itself ready. */
    void start() {
        process = ChildJvm.start(log, "768m", classpath(), MAIN_CLASS, arguments);
        boolean ready = Net.waitUntil(Duration.ofSeconds(180), Duration.ofMillis(500), () -> !process.isAlive() || isReady());
        if (!ready || !process.isAlive()) {
            throw new IllegalStateException("Application " + name + " did not become ready; see " + log);
        }
    }

    /** SIGKILL. */
    void kill() {
        ChildJvm.kill(process);
        process = null;
        kills++;
    }

    void restart() {
        kill();
        start();
    }

    boolean isReady() {
        return Net.answersOk(baseUrl() + "/readyz");
    }

    @Override
    public void close() {
        if (process != null) {
            ChildJvm.kill(process);
            process = null;
        }
    }

    private static String newSigningKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

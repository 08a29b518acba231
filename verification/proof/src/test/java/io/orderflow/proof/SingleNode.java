package io.orderflow.proof;

import io.orderflow.testsupport.process.ChildJvm;
import io.orderflow.testsupport.process.Net;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default run as the README starts it: the launcher with nothing configured but the environment the README
 * sets, so it starts its embedded PostgreSQL and Kafka and keeps them, with its signing key, in {@code data/}
 * under its working directory. Only its ports are the test's, so that it never meets another run on this
 * machine; Kafka's is fixed so that the test can read the broker's offsets across restarts.
 */
final class SingleNode implements AutoCloseable {

    private final Path home;
    private final Map<String, String> environment;
    private final int port = Net.freePort();
    private final int managementPort = Net.freePort();
    private final int kafkaPort = Net.freePort();
    private final Path log;
    private Process process;

    private SingleNode(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = environment;
        this.log = home.resolve("orderflow.log");
    }

    /** Starts it in {@code home}, a directory of its own, and waits until it is ready. */
    static SingleNode start(Path home, Map<String, String> environment) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SingleNode node = new SingleNode(home, environment);
        node.start();
        return node;
    }

    void start() {
        List<String> arguments = List.of("--server.port=" + port, "--management.server.port=" + managementPort,
                "--orderflow.embedded.kafka.port=" + kafkaPort);
        process = ChildJvm.start(log, "768m", AppInstance.classpath(), AppInstance.MAIN_CLASS, arguments, home, environment);
        boolean ready = Net.waitUntil(Duration.ofSeconds(180), Duration.ofMillis(500), () -> !process.isAlive() || isReady());
        if (!ready || !process.isAlive()) {
            throw new IllegalStateException("the default run did not become ready; see " + log);
        }
    }

    /** SIGKILL of the JVM alone, as the OOM killer or {@code kill -9} would: its PostgreSQL keeps running. */
    void kill() {
        ChildJvm.kill(process);
        process = null;
    }

    /**
     * SIGKILL of the JVM and of every PostgreSQL process at once, as a power cut would leave them: no checkpoint,
     * nothing flushed that was not flushed already.
     */
    void crash() {
        postmaster().ifPresent(SingleNode::killWithChildren);
        kill();
    }

    /** The PostgreSQL server running on the data directory. */
    Optional<ProcessHandle> postmaster() {
        return postmasterIn(dataDirectory());
    }

    /** The PostgreSQL server running on a data directory, from its lock file ({@code postmaster.pid}: pid first). */
    static Optional<ProcessHandle> postmasterIn(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().orElse("").endsWith("/postgres"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Path dataDirectory() {
        return home.resolve("data");
    }

    Path log() {
        return log;
    }

    String baseUrl() {
        return "http://" + Net.LOOPBACK + ":" + port;
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    String kafkaBootstrapServers() {
        return Net.LOOPBACK + ":" + kafkaPort;
    }

    ShopClient client() {
        return new ShopClient(baseUrl());
    }

    /** SIGTERM, as Ctrl-C or a service manager would: a graceful shutdown. Answers whether it ended within a minute. */
    boolean stop() {
        Process stopping = process;
        process = null;
        stopping.destroy();
        try {
            if (stopping.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChildJvm.kill(stopping);
        return false;
    }

    /** Stopped gracefully; what a failed test left running is killed. */
    @Override
    public void close() {
        if (process != null) {
            stop();
        }
        postmaster().ifPresent(SingleNode::killWithChildren);
    }

    /** The process first, so that it cannot react to its children's deaths, then every child. */
    static void killPostmasterIn(Path dataDirectory) {
        postmasterIn(dataDirectory).ifPresent(SingleNode::killWithChildren);
    }

    private boolean isReady() {
        return Net.answersOk(baseUrl() + "/readyz");
    }

    private static void killWithChildren(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(List.of(process));
        all.addAll(process.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(each -> each.onExit().join());
    }
}

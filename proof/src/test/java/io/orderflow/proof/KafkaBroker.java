package io.orderflow.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft Kafka broker in a JVM of its own (the broker jars on the test classpath), its log on disk
 * under {@code target}: it can be killed and started again with everything it had.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path home;
    private final Path config;
    private final Path log;
    private final int port;
    private final List<String> jvmOptions;
    private Process process;
    private int stops;

    KafkaBroker(Path workDir) {
        this(workDir, List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    /** With the broker JVM's options: the benchmark runs it as Kafka's own start script would. */
    KafkaBroker(Path workDir, List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
        try {
            home = workDir.resolve("kafka");
            Files.createDirectories(home);
            log = home.resolve("broker.log");
            port = Net.freePort();
            int controllerPort = Net.freePort();
            config = home.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@" + Net.LOOPBACK + ":" + controllerPort,
                    "listeners=PLAINTEXT://" + Net.LOOPBACK + ":" + port + ",CONTROLLER://" + Net.LOOPBACK + ":" + controllerPort,
                    "advertised.listeners=PLAINTEXT://" + Net.LOOPBACK + ":" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + home.resolve("data"),
                    "num.partitions=4",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=4",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
            Process format = ChildJvm.start(log, "256m", "kafka.tools.StorageTool",
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                ChildJvm.kill(format);
                throw new IllegalStateException("Kafka storage format failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return Net.LOOPBACK + ":" + port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    int stops() {
        return stops;
    }

    void start() {
        process = ChildJvm.start(log, jvmOptions, ChildJvm.classpath(), "kafka.Kafka", List.of(config.toString()));
        boolean up = Net.waitUntil(Duration.ofSeconds(90), Duration.ofMillis(200), () -> Net.accepts(port) || !process.isAlive());
        if (!up || !process.isAlive()) {
            throw new IllegalStateException("Kafka broker did not start; see " + log);
        }
    }

    /** Kills the broker (SIGKILL) and waits until its port is closed. */
    void kill() {
        ChildJvm.kill(process);
        process = null;
        stops++;
        Net.waitUntil(Duration.ofSeconds(30), Duration.ofMillis(100), () -> !Net.accepts(port));
    }

    /** The broker away for {@code outage}, then back with its data. */
    void stopFor(Duration outage) {
        kill();
        Net.sleep(outage);
        start();
    }

    @Override
    public void close() {
        if (process != null) {
            ChildJvm.kill(process);
            process = null;
        }
    }
}

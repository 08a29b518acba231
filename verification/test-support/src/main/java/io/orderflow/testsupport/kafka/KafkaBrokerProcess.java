package io.orderflow.testsupport.kafka;

import io.orderflow.testsupport.process.ChildJvm;
import io.orderflow.testsupport.process.Net;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real KRaft broker in a JVM of its own, from the Kafka jars on the test classpath, with its log on disk: a test
 * can kill it (SIGKILL, as a crash would) and start it again on the same log directory with everything it had,
 * which the in-process embedded broker cannot do. Its ports stay the same across restarts, so clients reconnect.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** A small JVM that starts fast: what outage tests want, not what a benchmark measures. */
    private static final List<String> SMALL_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path home;
    private final Path config;
    private final Path log;
    private final int port;
    private final List<String> jvmOptions;
    private Process process;
    private int stops;

    /** A broker whose log lives in a fresh temporary directory. */
    public KafkaBrokerProcess() {
        this(temporaryDirectory());
    }

    /** A broker whose log lives under {@code workDir/kafka}, next to the rest of a run's files. */
    public KafkaBrokerProcess(Path workDir) {
        this(workDir, SMALL_JVM);
    }

    /** With the broker JVM's options: a benchmark runs it as Kafka's own start script would. */
    public KafkaBrokerProcess(Path workDir, List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
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
                    List.of("format", "-t", clusterId(), "-c", config.toString()));
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

    public String bootstrapServers() {
        return Net.LOOPBACK + ":" + port;
    }

    /** The broker's output, across all its starts. */
    public Path log() {
        return log;
    }

    /** The running broker's process id, -1 when it is not running. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** How often the broker has been killed. */
    public int stops() {
        return stops;
    }

    /** Starts the broker on its log directory and waits until it accepts connections. */
    public void start() {
        process = ChildJvm.start(log, jvmOptions, ChildJvm.classpath(), "kafka.Kafka", List.of(config.toString()));
        boolean up = Net.waitUntil(Duration.ofSeconds(90), Duration.ofMillis(200), () -> Net.accepts(port) || !process.isAlive());
        if (!up || !process.isAlive()) {
            throw new IllegalStateException("Kafka broker did not start; see " + log);
        }
    }

    /** Kills the broker (SIGKILL), as a crash would, and waits until its port is closed. */
    public void kill() {
        ChildJvm.kill(process);
        process = null;
        stops++;
        Net.waitUntil(Duration.ofSeconds(30), Duration.ofMillis(100), () -> !Net.accepts(port));
    }

    /** The broker away for {@code outage}, then back with its data. */
    public void stopFor(Duration outage) {
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

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kafka-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A random cluster id in Kafka's form (16 bytes, URL-safe Base64 without padding, never starting with a dash),
     * made here so that this class needs no Kafka client class: the architecture test allows those in the Kafka
     * adapter only, and it reads every {@code io.orderflow} class on a test classpath.
     */
    private static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}

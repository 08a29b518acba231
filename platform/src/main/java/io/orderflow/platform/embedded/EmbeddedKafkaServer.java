package io.orderflow.platform.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * An in-process KRaft Kafka broker (combined controller and broker, one node) on loopback, one per JVM for
 * the application, started on first use. Without a log directory its log lives in a temporary directory
 * that is deleted when it stops. With one, the log directory is formatted once and then reused, so topics,
 * messages and consumer offsets survive a restart (a clean one, or a killed JVM: the broker recovers its
 * log as after any crash). Listener ports are chosen anew at each start; nothing on disk depends on them.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static EmbeddedKafkaServer shared;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path temporaryLog;

    private EmbeddedKafkaServer(KafkaRaftServer server, String bootstrapServers, Path temporaryLog) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.temporaryLog = temporaryLog;
    }

    /** Starts this JVM's broker, with a throw-away log, if needed and answers its bootstrap servers. */
    public static String bootstrapServers(int port, int partitions) {
        return bootstrapServers(port, partitions, null);
    }

    /** Starts this JVM's broker if needed and answers its bootstrap servers; {@code logDirectory} null: throw-away. */
    static synchronized String bootstrapServers(int port, int partitions, Path logDirectory) {
        if (shared == null) {
            shared = start(port, partitions, logDirectory);
            // after every application context has closed, so nothing is cut off mid-transaction
            SpringApplication.getShutdownHandlers().add(shared::close);
        }
        return shared.bootstrapServers;
    }

    /** A broker of its own; {@code logDirectory} null for a temporary log that is deleted when it stops. */
    static EmbeddedKafkaServer start(int port, int partitions, Path logDirectory) {
        try {
            Path temporaryLog = logDirectory == null ? Files.createTempDirectory("orderflow-kafka-") : null;
            Path logDir = logDirectory == null ? temporaryLog : logDirectory;
            Files.createDirectories(logDir);
            int brokerPort = port > 0 ? port : freePort();
            KafkaConfig config = new KafkaConfig(properties(logDir, brokerPort, freePort(), partitions), false);
            formatOnce(logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrapServers = LOOPBACK + ":" + brokerPort;
            log.info("Embedded Kafka (KRaft) started at {}, {}", bootstrapServers,
                    logDirectory == null ? "a temporary log" : "its log in " + logDirectory);
            return new EmbeddedKafkaServer(server, bootstrapServers, temporaryLog);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Kafka failed to start", e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporaryLog != null) {
            deleteQuietly(temporaryLog);
        }
    }

    private static Map<String, Object> properties(Path logDir, int brokerPort, int controllerPort, int partitions) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort + ",CONTROLLER://" + LOOPBACK + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("log.dirs", logDir.toString());
        properties.put("auto.create.topics.enable", "true");
        properties.put("num.partitions", String.valueOf(partitions));
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "4");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    /** What {@code kafka-storage.sh format} does, once: a formatted directory keeps its cluster id and data. */
    private static void formatOnce(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + logDir, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the temporary Kafka log {}", directory, e);
        }
    }
}

package io.orderflow.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
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
    private static final int OFFSETS_PARTITIONS = 4;
    /** Group ids whose coordinator partition ({@code abs(hashCode) % partitions}, as Kafka places them) covers every one. */
    private static final List<String> GROUP_ON_EACH_OFFSETS_PARTITION = groupOnEachOffsetsPartition();
    private static EmbeddedKafkaServer shared;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path temporaryLog;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaServer(KafkaRaftServer server, String bootstrapServers, Path temporaryLog, String description) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.temporaryLog = temporaryLog;
        this.description = description;
    }

    /** Starts this JVM's broker, with a throw-away log, if needed and answers its bootstrap servers. */
    public static String bootstrapServers(int port, int partitions) {
        return shared(port, partitions, null, null).bootstrapServers;
    }

    /**
     * This JVM's broker, started on first use ({@code logDirectory} null: a throw-away log), and stopped after every
     * application context has closed, so that nothing is cut off mid-transaction; or when {@code application} fails
     * to start: its threads would keep the JVM alive.
     */
    static synchronized EmbeddedKafkaServer shared(int port, int partitions, Path logDirectory, SpringApplication application) {
        if (shared == null) {
            shared = start(port, partitions, logDirectory);
            SpringApplication.getShutdownHandlers().add(shared::close);
            if (application != null) {
                application.addListeners(EmbeddedInfrastructure.closeOnFailure(shared::close));
            }
        }
        return shared;
    }

    /** A broker of its own; {@code logDirectory} null for a temporary log that is deleted when it stops. */
    static EmbeddedKafkaServer start(int port, int partitions, Path logDirectory) {
        try {
            Path temporaryLog = logDirectory == null ? Files.createTempDirectory("orderflow-kafka-") : null;
            Path logDir = logDirectory == null ? temporaryLog : logDirectory;
            Files.createDirectories(logDir);
            long started = System.nanoTime();
            int brokerPort = port > 0 ? port : freePort();
            KafkaConfig config = new KafkaConfig(properties(logDir, brokerPort, freePort(), partitions), false);
            boolean restarted = !formatOnce(logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrapServers = LOOPBACK + ":" + brokerPort;
            if (restarted) {
                forgetConsumersOfTheLastRun(bootstrapServers);
            }
            String description = "Embedded Kafka (KRaft) at " + bootstrapServers + ", "
                    + (logDirectory == null ? "a temporary log" : "its log kept in " + logDirectory)
                    + "; started in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
            log.info(description);
            return new EmbeddedKafkaServer(server, bootstrapServers, temporaryLog, description);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Kafka failed to start", e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** What was started where, for the application's log. */
    String description() {
        return description;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
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
        properties.put("offsets.topic.num.partitions", String.valueOf(OFFSETS_PARTITIONS));
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // after a killed JVM, the controller keeps the dead broker's registration until its session times out
        // (9 s by default) and refuses the new one meanwhile; broker and controller share this JVM
        properties.put("broker.heartbeat.interval.ms", "500");
        properties.put("broker.session.timeout.ms", "2000");
        return properties;
    }

    /**
     * The consumers of a run that ended with its JVM (a kill leaves them in their groups) are gone: the broker
     * lived in that JVM. Left in, they would hold their partitions until their sessions time out (45 s by
     * default), and the new run's consumers, payments among them, would wait that long. Committed offsets stay.
     */
    private static void forgetConsumersOfTheLastRun(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // a group is listed only once its partition of the offsets topic is loaded, which happens after start-up;
            // describing a group of every partition waits for that (the client retries until the load is done)
            admin.describeConsumerGroups(GROUP_ON_EACH_OFFSETS_PARTITION).all().get(60, TimeUnit.SECONDS);
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group.groupId()))
                        .describedGroups().get(group.groupId()).get(30, TimeUnit.SECONDS);
                if (!description.members().isEmpty()) {
                    admin.removeMembersFromConsumerGroup(group.groupId(), new RemoveMembersFromConsumerGroupOptions())
                            .all().get(30, TimeUnit.SECONDS);
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Could not remove the consumers of the last run from their groups; they leave when their sessions "
                    + "time out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What {@code kafka-storage.sh format} does, once: a formatted directory keeps its cluster id and data.
     * Answers whether it formatted.
     */
    private static boolean formatOnce(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return false;
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
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + logDir, e);
        }
    }

    private static List<String> groupOnEachOffsetsPartition() {
        Map<Integer, String> groups = new java.util.TreeMap<>();
        for (int n = 0; groups.size() < OFFSETS_PARTITIONS; n++) {
            String group = "orderflow-embedded-load-check-" + n;
            groups.putIfAbsent(Utils.abs(group.hashCode()) % OFFSETS_PARTITIONS, group);
        }
        return List.copyOf(groups.values());
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

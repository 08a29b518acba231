package io.orderflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded servers of a single-node run on a data directory: PostgreSQL keeps every acknowledged commit
 * through a crash and recovers from a JVM that was killed under it; Kafka keeps topics, messages and consumer
 * offsets across restarts.
 */
class DurableEmbeddedServersTest {

    private static final String POSTGRES = "postgres";

    @TempDir
    Path data;
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable server : started) {
            server.close();
        }
        // a test that failed half-way may leave a server the JVM did not start
        killPostmaster(data.resolve(POSTGRES));
    }

    @Test
    void postgresAcknowledgesCommitsOnlyOnceTheyAreOnDisk() throws SQLException {
        EmbeddedPostgresServer postgres = startPostgres();

        try (Connection connection = connect(postgres)) {
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aFreshPostgresIsNotKeptAnywhere() throws SQLException {
        EmbeddedPostgresServer fresh = EmbeddedPostgresServer.start(0, null);
        started.add(fresh);

        try (Connection connection = connect(fresh)) {
            assertThat(setting(connection, "data_directory")).doesNotStartWith(data.toString());
        }
        assertThat(data.resolve(POSTGRES)).doesNotExist();
    }

    @Test
    void postgresKeepsEveryAcknowledgedCommitWhenItCrashes() throws Exception {
        EmbeddedPostgresServer postgres = startPostgres();
        int acknowledged = 0;
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE acknowledged (n int primary key)");
            for (int n = 1; n <= 300; n++) {
                statement.execute("INSERT INTO acknowledged VALUES (" + n + ")");
                acknowledged = n;
            }
        }

        // every process of the server at once, as a power cut would leave it: no checkpoint, no WAL flush
        killPostmaster(data.resolve(POSTGRES));
        postgres.close();
        started.remove(postgres);
        EmbeddedPostgresServer recovered = startPostgres();

        try (Connection connection = connect(recovered)) {
            assertThat(count(connection, "SELECT count(*) FROM acknowledged")).isEqualTo(acknowledged);
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledJvmIsStoppedAndItsDataKept() throws Exception {
        Path directory = data.resolve(POSTGRES);
        long leftOver;
        try (PostgresInAnotherJvm other = PostgresInAnotherJvm.start(directory, data.resolve("other-jvm.log"))) {
            leftOver = postmasterPid(directory).orElseThrow();
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + portIn(directory) + "/postgres",
                    POSTGRES, POSTGRES); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (1), (2), (3)");
            }
            assertThatThrownBy(this::startPostgres).as("its JVM still runs")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another running instance");

            other.kill();
        }
        assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive)).as("the server outlives its JVM").contains(true);

        EmbeddedPostgresServer postgres = startPostgres();

        assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive).orElse(false)).as("the left-over server").isFalse();
        assertThat(postgres.description()).contains("after stopping the PostgreSQL (pid " + leftOver + ")");
        try (Connection connection = connect(postgres)) {
            assertThat(count(connection, "SELECT count(*) FROM kept")).isEqualTo(3);
        }
    }

    @Test
    void refusesToStopAProcessThatIsNotPostgres() throws IOException {
        EmbeddedPostgresServer postgres = startPostgres();
        postgres.close();
        started.remove(postgres);
        Path pidFile = data.resolve(POSTGRES).resolve(LeftoverPostmaster.PID_FILE);
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + data.resolve(POSTGRES) + "\n");

        assertThatThrownBy(this::startPostgres).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("which is not PostgreSQL").hasMessageContaining("delete that file");
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void kafkaKeepsTopicsMessagesAndCommittedOffsetsAcrossARestart() throws Exception {
        Path log = data.resolve("kafka");
        String topic = "payments.requests";
        EmbeddedKafkaServer first = EmbeddedKafkaServer.start(0, 2, log);
        try (Admin admin = admin(first)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = producer(first)) {
            for (String message : List.of("a", "b", "c")) {
                producer.send(new ProducerRecord<>(topic, 0, null, message)).get(30, TimeUnit.SECONDS);
            }
        }
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = consumer(first, "payments")) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            assertThat(poll(consumer, 3)).containsExactly("a", "b", "c");
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(2)));
        }
        String firstServers = first.bootstrapServers();
        first.close();

        EmbeddedKafkaServer second = EmbeddedKafkaServer.start(0, 2, log);
        started.add(second);

        assertThat(second.bootstrapServers()).as("new ports").isNotEqualTo(firstServers);
        try (Admin admin = admin(second)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);
            assertThat(admin.listConsumerGroupOffsets("payments").partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS))
                    .containsEntry(partition, new OffsetAndMetadata(2));
        }
        try (KafkaConsumer<String, String> consumer = consumer(second, "payments")) {
            consumer.subscribe(List.of(topic));
            assertThat(poll(consumer, 1)).as("from the committed offset on").containsExactly("c");
        }
    }

    /** Its consumers were in the JVM that ran the broker; left in their groups, they would hold their partitions for 45 s. */
    @Test
    void aKafkaStartedAgainForgetsTheConsumersOfTheRunBeforeAndKeepsTheirOffsets() throws Exception {
        Path log = data.resolve("kafka");
        String topic = "payments.results";
        EmbeddedKafkaServer first = EmbeddedKafkaServer.start(0, 1, log);
        try (KafkaProducer<String, String> producer = producer(first)) {
            producer.send(new ProducerRecord<>(topic, "approved")).get(30, TimeUnit.SECONDS);
        }
        KafkaConsumer<String, String> killedRun = consumer(first, "order-payments");
        try {
            killedRun.subscribe(List.of(topic));
            assertThat(poll(killedRun, 1)).containsExactly("approved");
            killedRun.commitSync();
            first.close();

            EmbeddedKafkaServer second = EmbeddedKafkaServer.start(0, 1, log);
            started.add(second);

            try (Admin admin = admin(second)) {
                assertThat(admin.describeConsumerGroups(List.of("order-payments")).describedGroups().get("order-payments")
                        .get(30, TimeUnit.SECONDS).members()).as("members left from the run before").isEmpty();
                assertThat(admin.listConsumerGroupOffsets("order-payments").partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                        .get(new TopicPartition(topic, 0)).offset()).as("committed offset").isEqualTo(1);
            }
        } finally {
            killedRun.close(Duration.ZERO);
        }
    }

    @Test
    void aKafkaWithoutALogDirectoryLeavesNothingBehind() {
        EmbeddedKafkaServer fresh = EmbeddedKafkaServer.start(0, 1, null);
        fresh.close();

        assertThat(data.resolve("kafka")).doesNotExist();
    }

    private EmbeddedPostgresServer startPostgres() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, data.resolve(POSTGRES));
        started.add(postgres);
        return postgres;
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), POSTGRES, POSTGRES);
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** postmaster.pid: the first line is the server's process id, the fourth its port. */
    private static Optional<Long> postmasterPid(Path directory) throws IOException {
        Path pidFile = directory.resolve(LeftoverPostmaster.PID_FILE);
        return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim())) : Optional.empty();
    }

    private static int portIn(Path directory) throws IOException {
        return Integer.parseInt(Files.readAllLines(directory.resolve(LeftoverPostmaster.PID_FILE)).get(3).trim());
    }

    private static void killPostmaster(Path directory) throws IOException {
        if (!Files.exists(directory.resolve(LeftoverPostmaster.PID_FILE))) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmasterPid(directory).flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"));
        postmaster.ifPresent(process -> {
            List<ProcessHandle> all = new ArrayList<>(List.of(process));
            all.addAll(process.descendants().toList());
            all.forEach(ProcessHandle::destroyForcibly);
            all.forEach(each -> each.onExit().join());
        });
    }

    private static Admin admin(EmbeddedKafkaServer kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaServer kafka) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaServer kafka, String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static List<String> poll(KafkaConsumer<String, String> consumer, int expected) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.value());
            }
        }
        return values;
    }
}

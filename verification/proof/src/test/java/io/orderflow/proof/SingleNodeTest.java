package io.orderflow.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testsupport.process.ChildJvm;
import io.orderflow.testsupport.process.Net;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's default run as a small shop keeps it running: started as the README starts it (its data in
 * {@code data/} under its working directory), walked through with the README's own commands, then killed with
 * SIGKILL twice: the JVM alone (its PostgreSQL left running), then the JVM and PostgreSQL at once, as a power
 * cut would. Each time it comes back with every order it acknowledged, accepts the tokens it issued before, and
 * its Kafka broker still has its topics and the consumers' offsets. A second run that cannot start ends instead of
 * hanging, and a SIGTERM stops the application before its database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleNodeTest {

    private static final Path README = Path.of(System.getProperty("proof.readme", "../README.md"));
    private static final Path WORK_DIR = Path.of(System.getProperty("proof.work-dir", "target/proof")).resolve("single-node");
    private static final String PAYMENT_REQUESTS = "payments.requests";

    private static ReadmeWalkThrough walkThrough;
    private static SingleNode shop;
    private static String admin;
    private static String product;

    @BeforeAll
    static void startAsTheReadmeDoes() throws IOException {
        deleteRecursively(WORK_DIR);
        walkThrough = ReadmeWalkThrough.from(README);
        shop = SingleNode.start(WORK_DIR.resolve("shop"), walkThrough.environment());
        ShopClient client = shop.client();
        admin = client.token(walkThrough.environment().get("ORDERFLOW_AUTH_ADMIN_EMAIL"),
                walkThrough.environment().get("ORDERFLOW_AUTH_ADMIN_PASSWORD")).text("accessToken");
        assertThat(admin).as("the README's administrator logs in").isNotBlank();
        product = client.addProduct(admin, "Single-node beans", "9.90", 1_000_000).text("productId");
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    @Order(1)
    void theReadmeKeepsTwoCommandsToRunEverythingAndEveryTest() throws IOException {
        String twoCommands = Files.readString(README).split("## The two commands", 2)[1].split("\n## ", 2)[0];
        List<String> commands = ReadmeWalkThrough.blocks(twoCommands).stream()
                .flatMap(String::lines).map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty()).toList();

        assertThat(commands).containsExactly(ReadmeWalkThrough.START_COMMAND, "./mvnw verify");
    }

    @Test
    @Order(2)
    void theReadmeWalkThroughRunsAsWritten() {
        ReadmeWalkThrough.assumeProgramsInstalled();
        ReadmeWalkThrough.Run run = walkThrough.run(WORK_DIR.resolve("walk"), shop.port(), shop.managementPort(), Duration.ofMinutes(3));

        assertThat(run.exitCode()).as("bash's exit code; its output:\n%s", run.output()).isZero();
        assertThat(run.calls()).as("every call of the walk-through").hasSizeGreaterThan(25);
        // the failed calls lead the message: a report that cuts a long message short keeps them
        assertThat(run.failedCalls()).as("calls that did not answer 2xx, but for GETs asked again until they did: %s; "
                + "the walk-through's output:\n%s", run.failedCalls(), run.output()).isEmpty();
        assertThat(run.output()).as("the order's stream followed it to the end").contains("\"status\":\"DELIVERED\"");
    }

    @Test
    @Order(3)
    void afterTheJvmIsKilledItsOrdersAndTokensAreStillThere() throws IOException {
        ShopClient client = shop.client();
        String customer = client.newCustomerToken();
        List<String> acknowledged = placeOrders(client, customer, 10);
        Path key = shop.dataDirectory().resolve("auth/signing-key.pem");
        String keyBefore = Files.readString(key);
        ProcessHandle postgresBefore = shop.postmaster().orElseThrow();

        shop.kill();
        assertThat(postgresBefore.isAlive()).as("the JVM's PostgreSQL outlives it").isTrue();
        shop.start();

        assertThat(postgresBefore.isAlive()).as("the PostgreSQL the killed JVM left").isFalse();
        assertThat(acknowledged).allSatisfy(order -> assertThat(client.get("/api/orders/" + order + "?waitMs=10000", customer).status())
                .as("order %s with the customer's token from before the restart", order).isEqualTo(200));
        assertThat(client.get("/api/orders?size=1", admin).status()).as("the administrator's token from before").isEqualTo(200);
        assertThat(Files.readString(key)).as("the signing key, kept").isEqualTo(keyBefore);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        awaitConfirmed(client, customer, acknowledged);
    }

    @Test
    @Order(4)
    void afterACrashOfTheJvmAndPostgresTogetherNothingAcknowledgedIsLost() throws Exception {
        ShopClient client = shop.client();
        String customer = client.newCustomerToken();
        awaitConfirmed(client, customer, placeOrders(client, customer, 3));
        Map<TopicPartition, Long> logBefore = endOffsets();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsetsBefore = committedOffsets();
        assertThat(logBefore.values().stream().mapToLong(Long::longValue).sum()).as("payment requests published").isPositive();
        assertThat(offsetsBefore).as("consumer groups with committed offsets").isNotEmpty();

        List<String> acknowledged = placeOrders(client, customer, 30);
        shop.crash();
        shop.start();

        assertThat(acknowledged).allSatisfy(order -> assertThat(client.get("/api/orders/" + order + "?waitMs=10000", customer).status())
                .as("order %s, acknowledged just before the crash", order).isEqualTo(200));
        assertThat(endOffsets()).as("the broker's log of %s", PAYMENT_REQUESTS)
                .allSatisfy((partition, end) -> assertThat(end).isGreaterThanOrEqualTo(logBefore.getOrDefault(partition, 0L)));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsetsAfter = committedOffsets();
        offsetsBefore.forEach((group, offsets) -> offsets.forEach((partition, offset) ->
                assertThat(offsetsAfter.getOrDefault(group, Map.of()).get(partition)).as("group %s on %s", group, partition)
                        .isNotNull().extracting(OffsetAndMetadata::offset).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LONG)
                        .isGreaterThanOrEqualTo(offset.offset())));
        // payment requests and results on both sides of the crash went through: none timed out
        awaitConfirmed(client, customer, acknowledged);
    }

    @Test
    @Order(5)
    void aRunThatCannotStartEndsAndLeavesNoDatabaseRunning() throws Exception {
        Path home = Files.createDirectories(WORK_DIR.resolve("port-taken"));
        Path log = home.resolve("orderflow.log");
        Process taken = ChildJvm.start(log, "768m", AppInstance.classpath(), AppInstance.MAIN_CLASS,
                List.of("--server.port=" + shop.port(), "--management.server.port=" + Net.freePort()), home, walkThrough.environment());
        try {
            assertThat(taken.waitFor(2, TimeUnit.MINUTES)).as("a run whose port is taken ends; see %s", log).isTrue();
            assertThat(taken.exitValue()).isNotZero();
            assertThat(SingleNode.postmasterIn(home.resolve("data"))).as("its PostgreSQL").isEmpty();
            assertThat(Files.readString(log)).contains("Port " + shop.port());
        } finally {
            ChildJvm.kill(taken);
            SingleNode.killPostmasterIn(home.resolve("data"));
        }
    }

    /** Stopped as Ctrl-C stops it: the application finishes with its database, which stops after it. */
    @Test
    @Order(6)
    void aStoppedRunStopsItsDatabaseAfterTheApplication() throws IOException {
        assertThat(shop.stop()).as("ended after SIGTERM; see %s", shop.log()).isTrue();

        assertThat(shop.postmaster()).as("its PostgreSQL").isEmpty();
        String log = Files.readString(shop.log());
        assertThat(log.substring(log.lastIndexOf("Commencing graceful shutdown"))).as("the application's shutdown")
                .contains("orderflow-jdbc - Shutdown completed")
                .doesNotContain("marked as broken", "Failed to validate connection", "Connection refused", "Unhandled exception");
    }

    private List<String> placeOrders(ShopClient client, String customer, int count) {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ShopClient.Answer answer = client.placeOrder(customer, UUID.randomUUID().toString(), Map.of(product, 1));
            assertThat(answer.status()).as("order %d: %s", i, answer.body()).isEqualTo(202);
            acknowledged.add(answer.text("orderId"));
        }
        return acknowledged;
    }

    /** Every payment is approved in the README's run: an order that is not CONFIRMED lost a step. One call a poll. */
    private void awaitConfirmed(ShopClient client, String customer, List<String> orders) {
        Map<String, String> statuses = new java.util.HashMap<>();
        boolean confirmed = Net.waitUntil(Duration.ofSeconds(90), Duration.ofSeconds(1), () -> {
            ShopClient.Answer page = client.get("/api/orders?size=100", customer);
            if (page.is(200)) {
                page.body().get("items").forEach(order -> statuses.put(order.get("orderId").asText(), order.get("status").asText()));
            }
            return orders.stream().allMatch(order -> "CONFIRMED".equals(statuses.get(order)));
        });
        assertThat(confirmed).as("statuses of the orders: %s; see %s", orders.stream()
                .collect(Collectors.groupingBy(order -> String.valueOf(statuses.get(order)), Collectors.counting())), shop.log()).isTrue();
    }

    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin kafka = kafka()) {
            var partitions = kafka.describeTopics(List.of(PAYMENT_REQUESTS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(PAYMENT_REQUESTS).partitions().stream()
                    .collect(Collectors.toMap(info -> new TopicPartition(PAYMENT_REQUESTS, info.partition()), info -> OffsetSpec.latest()));
            return kafka.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    private static Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets() throws Exception {
        try (Admin kafka = kafka()) {
            Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = new java.util.TreeMap<>();
            for (ConsumerGroupListing group : kafka.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                offsets.put(group.groupId(), kafka.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));
            }
            return offsets;
        }
    }

    private static Admin kafka() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafkaBootstrapServers()));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

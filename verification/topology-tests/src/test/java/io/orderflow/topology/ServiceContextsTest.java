package io.orderflow.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.FindAllProductsQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.inventory.RestockProductCommand;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.payment.PaymentServiceApplication;
import io.orderflow.service.edge.EdgeServiceApplication;
import io.orderflow.service.inventory.InventoryServiceApplication;
import io.orderflow.service.notification.NotificationServiceApplication;
import io.orderflow.service.order.OrderServiceApplication;
import io.orderflow.service.query.QueryServiceApplication;
import io.orderflow.service.saga.SagaServiceApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Each service started from its own main class, alone, on a fresh database of one embedded PostgreSQL
 * (the JDBC event store; Kafka is the JVM's embedded broker): it has its own handlers and none of the
 * others', it migrates only its own schemas, its readiness is up, and its metrics are on its management port only.
 */
class ServiceContextsTest {

    private static final Set<String> NONE = Set.of();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofSeconds(60)).start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void orderServiceHandlesOrderCommandsOnly() throws Exception {
        try (var app = start("order_service", OrderServiceApplication::start, withoutSecurity(false))) {
            assertCommon(app, OrderServiceApplication.NAME);
            assertHandles(app, cancelOrder());
            assertDoesNotHandle(app, restock());
            // the order metrics' subscribing processor: the order events are published here
            assertThat(processors(app)).as("event processors").containsExactly("order-metrics");
            assertThat(prometheus(app)).contains("orderflow_orders_placed_total");
            assertDoesNotAnswer(app, new FindAllProductsQuery());
            assertThat(schemas("order_service")).containsExactly("axon");
        }
    }

    @Test
    void inventoryServiceHandlesInventoryCommandsOnly() throws Exception {
        try (var app = start("inventory_service", InventoryServiceApplication::start, withoutSecurity(false))) {
            assertCommon(app, InventoryServiceApplication.NAME);
            assertHandles(app, restock());
            assertDoesNotHandle(app, cancelOrder());
            assertThat(processors(app)).as("event processors").isEmpty();
            assertThat(schemas("inventory_service")).containsExactly("axon");
        }
    }

    @Test
    void sagaServiceRunsTheSagaAndTheKafkaPublisherOnly() throws Exception {
        try (var app = start("saga_service", SagaServiceApplication::start, withoutSecurity(false))) {
            assertCommon(app, SagaServiceApplication.NAME);
            assertDoesNotHandle(app, cancelOrder());
            assertDoesNotHandle(app, restock());
            assertThat(processors(app)).as("event processors")
                    .containsExactlyInAnyOrder("order-saga", "order-integration-events");
            assertThat(prometheus(app)).contains("orderflow_eventprocessor_lag_events{");
            // readiness (UP in assertCommon) includes both: Kafka is used here, and Axon's processors run here
            assertThat(app.containsBean("kafka") && app.containsBean("eventProcessors")).as("readiness indicators").isTrue();
            assertDoesNotAnswer(app, new FindAllProductsQuery());
            assertThat(schemas("saga_service")).containsExactly("axon");
        }
    }

    @Test
    void queryServiceRunsTheProjectionsAndAnswersQueries() throws Exception {
        try (var app = start("query_service", QueryServiceApplication::start, withoutSecurity(false))) {
            assertCommon(app, QueryServiceApplication.NAME);
            assertDoesNotHandle(app, cancelOrder());
            assertThat(processors(app)).as("event processors").containsExactlyInAnyOrder("product-catalogue", "order-details");
            assertThat(app.getBean(QueryGateway.class)
                    .query(new FindAllProductsQuery(), ResponseTypes.multipleInstancesOf(ProductView.class)).get()).isEmpty();
            assertThat(schemas("query_service")).containsExactly("axon", "projections");
        }
    }

    /**
     * A service's image has no embedded PostgreSQL (module embedded-infrastructure, here on the test class path, so
     * switched off as the image has it): without an address it fails at once and names what to set.
     */
    @Test
    void aServiceWithoutADatabaseUrlFailsAtStartUpNamingIt() {
        Throwable failure = catchThrowable(() -> OrderServiceApplication.start(new String[] {"--server.port=0",
                "--management.server.port=0", "--orderflow.embedded.enabled=false", withoutSecurity(false)}).close());
        assertThat(failure).hasStackTraceContaining("orderflow.db.url (ORDERFLOW_DB_URL) is not set");
    }

    @Test
    void edgeServiceOwnsNoAggregateAndNoProjection() throws Exception {
        try (var app = start("edge_service", EdgeServiceApplication::start)) {
            assertCommon(app, EdgeServiceApplication.NAME);
            assertDoesNotHandle(app, cancelOrder());
            assertDoesNotHandle(app, restock());
            assertThat(processors(app)).as("event processors").isEmpty();
            assertDoesNotAnswer(app, new FindAllProductsQuery());
            assertThat(schemas("edge_service")).containsExactly("auth", "axon", "edge");
        }
    }

    @Test
    void paymentServiceHasNoAxon() throws Exception {
        try (var app = start("payment_service", PaymentServiceApplication::start, withoutSecurity(true))) {
            assertCommon(app, PaymentServiceApplication.NAME);
            assertThat(app.getBeanNamesForType(org.axonframework.config.Configuration.class)).as("Axon").isEmpty();
            assertThat(schemas("payment_service")).containsExactly("payments");
            assertThat(app.containsBean("kafka") && !app.containsBean("eventProcessors")).as("readiness indicators").isTrue();
        }
    }

    @Test
    void notificationServiceHasNoAxon() throws Exception {
        try (var app = start("notification_service", NotificationServiceApplication::start, withoutSecurity(true))) {
            assertCommon(app, NotificationServiceApplication.NAME);
            assertThat(app.getBeanNamesForType(org.axonframework.config.Configuration.class)).as("Axon").isEmpty();
            assertThat(schemas("notification_service")).containsExactly("notifications");
        }
    }

    private static ConfigurableApplicationContext start(String database, Function<String[], ConfigurableApplicationContext> main,
                                                        String... more) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--orderflow.db.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                "--orderflow.db.username=postgres",
                "--orderflow.db.password=postgres"));
        args.addAll(List.of(more));
        return main.apply(args.toArray(String[]::new));
    }

    /**
     * Only the edge's image has Spring Security; this module's classpath, shared by every service, has it for all,
     * and Boot's default chain would guard the actuator. As in the images: no security outside the edge. This
     * replaces the Axon exclusions of {@code ServiceApplication.builderWithoutAxon}, so they are repeated.
     */
    private static String withoutSecurity(boolean withoutAxon) {
        return "--spring.autoconfigure.exclude=" + String.join(",",
                ImportCandidates.load(AutoConfiguration.class, ServiceContextsTest.class.getClassLoader()).getCandidates().stream()
                        .filter(name -> name.startsWith("org.springframework.boot.security.")
                                || withoutAxon && name.startsWith("org.axonframework."))
                        .toList());
    }

    private static void assertCommon(ConfigurableApplicationContext app, String name) {
        assertThat(app.getEnvironment().getProperty("spring.application.name")).isEqualTo(name);
        String port = app.getEnvironment().getProperty("local.server.port");
        String health = WebClient.create("http://localhost:" + port).get().uri("/readyz")
                .retrieve().bodyToMono(String.class).block(java.time.Duration.ofSeconds(30));
        assertThat(health).contains("\"UP\"");
        assertThat(prometheus(app)).as("Prometheus scrape").contains("jvm_memory_used_bytes", "process_uptime_seconds");
        // not on the service's own port: 404, or 401 where the edge's security asks for a token first
        HttpStatusCode onServicePort = WebClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
                .exchangeToMono(response -> Mono.just(response.statusCode())).block(java.time.Duration.ofSeconds(30));
        assertThat(onServicePort.value()).as("Prometheus on the service's port")
                .isEqualTo(app.containsBean("edgeSecurityFilterChain") ? 401 : 404);
        assertThat(app.getBeanNamesForType(io.orderflow.platform.observability.ObservabilityConfiguration.class))
                .as("processor lag and readiness only with Axon")
                .hasSize(app.getBeanNamesForType(org.axonframework.config.Configuration.class).length);
    }

    /** From the management port, which listens on loopback only. */
    private static String prometheus(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.management.port");
        return WebClient.create("http://127.0.0.1:" + port).get().uri("/actuator/prometheus")
                .retrieve().bodyToMono(String.class).block(java.time.Duration.ofSeconds(30));
    }

    private static CancelOrderCommand cancelOrder() {
        return new CancelOrderCommand(OrderId.random(), CancellationReason.OUT_OF_STOCK, "topology test");
    }

    private static RestockProductCommand restock() {
        return new RestockProductCommand(ProductId.random(), 1);
    }

    /** A handler runs: the aggregate does not exist, which only a handler can tell. */
    private static void assertHandles(ConfigurableApplicationContext app, Object command) {
        Throwable failure = catchThrowable(() -> app.getBean(CommandGateway.class).sendAndWait(command));
        assertThat(failure).as("%s has a handler", command.getClass().getSimpleName())
                .isNotInstanceOf(NoHandlerForCommandException.class);
    }

    private static void assertDoesNotHandle(ConfigurableApplicationContext app, Object command) {
        Throwable failure = catchThrowable(() -> app.getBean(CommandGateway.class).sendAndWait(command));
        assertThat(failure).as("%s has no handler here", command.getClass().getSimpleName())
                .isInstanceOf(NoHandlerForCommandException.class);
    }

    private static void assertDoesNotAnswer(ConfigurableApplicationContext app, Object query) {
        Throwable failure = catchThrowable(() -> app.getBean(QueryGateway.class)
                .query(query, ResponseTypes.multipleInstancesOf(Object.class)).get());
        assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NoHandlerForQueryException.class);
    }

    private static Set<String> processors(ConfigurableApplicationContext app) {
        return new TreeSet<>(app.getBean(EventProcessingConfiguration.class).eventProcessors().keySet());
    }

    /** The schemas of the service's database that Flyway built, each with its own history table. */
    private static List<String> schemas(String database) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             var rows = connection.createStatement().executeQuery("""
                     SELECT s.schema_name,
                            EXISTS (SELECT 1 FROM information_schema.tables t
                                    WHERE t.table_schema = s.schema_name AND t.table_name = 'flyway_schema_history') AS migrated
                     FROM information_schema.schemata s
                     WHERE s.schema_name NOT IN ('public', 'information_schema') AND s.schema_name NOT LIKE 'pg\\_%'
                     ORDER BY s.schema_name""")) {
            while (rows.next()) {
                assertThat(rows.getBoolean("migrated")).as("schema %s has a Flyway history", rows.getString(1)).isTrue();
                schemas.add(rows.getString(1));
            }
        }
        return schemas;
    }
}

package io.orderflow.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.StockCommitted;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import io.orderflow.contracts.order.ShippingAddress;
import io.orderflow.payment.DeclineThirteens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Runs the real system (embedded PostgreSQL and Kafka) until it has orders of every outcome and is at
 * rest, stops it, and audits its database: clean. Then each kind of violation is written into a copy
 * of that database, and exactly the matching check must fail, naming the offending id.
 */
class AuditorTest {

    /** Generous for the system on a busy machine; the audits measure deadlines with {@link #AUDITED_PAYMENT_TIMEOUT}. */
    private static final String PAYMENT_TIMEOUT = "PT30S";
    /** The audits' payment deadline: short, so that an order left pending in a test is past it. */
    private static final String AUDITED_PAYMENT_TIMEOUT = "PT1S";

    private static String systemUrl;
    private static String plentyProduct;
    private static JdbcTemplate admin;
    private static final Map<String, String> orders = new java.util.LinkedHashMap<>();
    private static final List<String> copies = new ArrayList<>();

    @BeforeAll
    static void runTheSystemUntilItRests() {
        ConfigurableApplicationContext system = new SpringApplicationBuilder(AuditedSystem.class).run(
                "--spring.main.web-application-type=none",
                "--orderflow.order.tax-rate=0",
                "--orderflow.saga.payment-timeout=" + PAYMENT_TIMEOUT,
                "--orderflow.payment.latency=PT0.005S",
                "--orderflow.payment.technical-failure-rate=0",
                "--logging.level.org.axonframework=WARN",
                "--logging.level.org.apache.kafka=ERROR");
        try {
            systemUrl = system.getEnvironment().getProperty("orderflow.db.url");
            JdbcTemplate jdbc = system.getBean(JdbcTemplate.class);
            CommandGateway commands = system.getBean(CommandGateway.class);
            ProductId plenty = addProduct(commands, "plenty", "7", 100);
            plentyProduct = plenty.value();
            ProductId declined = addProduct(commands, "declined", DeclineThirteens.DECLINED_AMOUNT.toPlainString(), 5);
            ProductId scarce = addProduct(commands, "scarce", "10", 1);
            orders.put("delivered", place(commands, plenty, "7", 1));
            orders.put("shipped", place(commands, plenty, "7", 2));
            orders.put("confirmed", place(commands, plenty, "7", 3));
            orders.put("refunded", place(commands, plenty, "7", 1));
            orders.put("declined", place(commands, declined, DeclineThirteens.DECLINED_AMOUNT.toPlainString(), 1));
            orders.put("outOfStock", place(commands, scarce, "10", 2));
            awaitStatus(jdbc, Map.of("delivered", "CONFIRMED", "shipped", "CONFIRMED", "confirmed", "CONFIRMED",
                    "refunded", "CONFIRMED", "declined", "CANCELLED", "outOfStock", "CANCELLED"));
            commands.sendAndWait(new ShipOrderCommand(OrderId.of(orders.get("delivered"))));
            commands.sendAndWait(new DeliverOrderCommand(OrderId.of(orders.get("delivered"))));
            commands.sendAndWait(new ShipOrderCommand(OrderId.of(orders.get("shipped"))));
            commands.sendAndWait(new CancelOrderCommand(OrderId.of(orders.get("refunded")), CancellationReason.CUSTOMER_REQUEST, "test"));
            awaitStatus(jdbc, Map.of("delivered", "DELIVERED", "shipped", "SHIPPED", "refunded", "CANCELLED"));
            // at rest: the refund is booked, the stock given back and every saga but the confirmed order's ended
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM payments.ledger_entry WHERE kind = 'REFUND'", Integer.class)).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.saga_entry", Integer.class)).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT sum(reserved) FROM projections.product_view", Integer.class)).isZero();
                assertThat(jdbc.queryForObject("SELECT available FROM projections.product_view WHERE product_id = ?",
                        Integer.class, plenty.value())).isEqualTo(100 - 1 - 2 - 3);
            });
        } finally {
            system.close();
        }
        DriverManagerDataSource template1 = new DriverManagerDataSource(databaseUrl("template1"), "postgres", "postgres");
        admin = new JdbcTemplate(template1);
    }

    @AfterAll
    static void dropCopies() {
        copies.forEach(name -> admin.execute("DROP DATABASE IF EXISTS " + name));
    }

    @Test
    void findsNothingWrongWithARunThatWentRight() {
        AuditReport report = Auditor.run(argsFor(systemUrl));

        assertThat(report.clean()).as(report.render()).isTrue();
        assertThat(report.results()).extracting(CheckResult::check).containsExactly(
                OrdersSettledCheck.NAME, EventSequenceCheck.NAME, StockBalanceCheck.NAME, PaymentLedgerCheck.NAME,
                CancelledChargeCheck.NAME, LeftoverSagaCheck.NAME, StuckSagaCheck.NAME, ReadModelCheck.NAME);
        assertThat(report.render()).contains("[PASS] read-models").contains("CLEAN");
    }

    @Nested
    class FindsEachKindOfViolation {

        @Test
        void aGapInAnAggregatesSequence() {
            String order = orders.get("confirmed");
            assertOnlyCheckFails(EventSequenceCheck.NAME, order, jdbc -> jdbc.update("""
                    INSERT INTO axon.domain_event_entry (event_identifier, meta_data, payload, payload_type, time_stamp,
                                                         aggregate_identifier, sequence_number, type)
                    SELECT ?, convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'), 'io.orderflow.audit.Tampered', max(time_stamp), aggregate_identifier,
                           max(sequence_number) + 2, max(type)
                      FROM axon.domain_event_entry WHERE aggregate_identifier = ? GROUP BY aggregate_identifier""",
                    UUID.randomUUID().toString(), order));
        }

        @Test
        void aSecondChargeOfAnOrder() {
            String order = orders.get("confirmed");
            assertOnlyCheckFails(PaymentLedgerCheck.NAME, order, jdbc -> charge(jdbc, order, "21"));
        }

        @Test
        void aChargeLeftOnACancelledOrder() {
            String order = orders.get("outOfStock");
            assertOnlyCheckFails(CancelledChargeCheck.NAME, order, jdbc -> charge(jdbc, order, "20"));
        }

        /** The commitment is moved to an order that never reserved: the projection, which counts units only, sees no difference. */
        @Test
        void aStockEventThatBreaksTheBalance() {
            String order = orders.get("confirmed");
            assertOnlyCheckFails(StockBalanceCheck.NAME, plentyProduct, jdbc -> jdbc.update("""
                    UPDATE axon.domain_event_entry
                       SET payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb, '{orderId}', to_jsonb(?::text))::text, 'UTF8')
                     WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ?""",
                    UUID.randomUUID().toString(), StockCommitted.class.getName(), order));
        }

        @Test
        void aTamperedReadModelRow() {
            String order = orders.get("confirmed");
            assertOnlyCheckFails(ReadModelCheck.NAME, order, jdbc -> jdbc.update(
                    "UPDATE projections.order_view SET status = 'DELIVERED' WHERE order_id = ?", order));
        }

        /** The out-of-stock order loses its cancellation, in the events and (consistently) in the read model. */
        @Test
        void aNonTerminalOrderPastItsDeadline() {
            String order = orders.get("outOfStock");
            assertOnlyCheckFails(OrdersSettledCheck.NAME, order, jdbc -> {
                jdbc.update("DELETE FROM axon.domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                        order, OrderCancelled.class.getName());
                jdbc.update("DELETE FROM projections.order_status_history WHERE order_id = ? AND sequence > 0", order);
                jdbc.update("""
                        UPDATE projections.order_view SET status = 'PENDING', cancellation_reason = NULL, cancellation_detail = NULL,
                               updated_at = created_at, last_sequence = 0 WHERE order_id = ?""", order);
            });
        }

        @Test
        void aSagaLeftForAFinishedOrder() {
            String order = orders.get("delivered");
            assertOnlyCheckFails(LeftoverSagaCheck.NAME, order, jdbc -> {
                String sagaId = UUID.randomUUID().toString();
                jdbc.update("INSERT INTO axon.saga_entry (saga_id, revision, saga_type, serialized_saga) VALUES (?, NULL, ?, ?)",
                        sagaId, "io.orderflow.saga.OrderSaga", "{}".getBytes());
                jdbc.update("INSERT INTO axon.association_value_entry (association_key, association_value, saga_id, saga_type)"
                        + " VALUES ('orderId', ?, ?, ?)", order, sagaId, "io.orderflow.saga.OrderSaga");
            });
        }

        /** The confirmed order's confirmation parked, as the saga's processor parks a step that kept failing. */
        @Test
        void aStuckSaga() {
            String order = orders.get("confirmed");
            assertOnlyCheckFails(StuckSagaCheck.NAME, order, jdbc -> jdbc.update("""
                    INSERT INTO axon.parked_saga_event (processing_group, sequence_id, reason, attempts, cause_type, cause_message,
                                                        event_identifier, time_stamp, type, aggregate_identifier, sequence_number,
                                                        payload_type, payload, meta_data)
                    SELECT 'order-saga', aggregate_identifier, 'COMMAND_REFUSED', 3, 'io.orderflow.saga.SagaCommands$CommandFailed',
                           'CommitStockCommand failed', event_identifier, to_timestamp(0), type, aggregate_identifier, sequence_number,
                           payload_type, payload, meta_data
                      FROM axon.domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%.OrderConfirmed'""", order));
        }
    }

    @Nested
    class AsACommand {

        @Test
        void exitsZeroWhenClean() {
            assertThat(AuditorApplication.audit(argsFor(systemUrl))).isEqualTo(AuditorApplication.CLEAN);
        }

        @Test
        void exitsOneOnAViolation() {
            String copy = tamperedCopy(jdbc -> charge(jdbc, orders.get("confirmed"), "21"));
            assertThat(AuditorApplication.audit(argsFor(copy))).isEqualTo(AuditorApplication.VIOLATIONS);
        }

        @Test
        void exitsTwoWithoutADatabase() {
            assertThat(AuditorApplication.audit("--orderflow.db.url=")).isEqualTo(AuditorApplication.COULD_NOT_RUN);
        }
    }

    // ---- helpers

    private static void assertOnlyCheckFails(String check, String offendingId, Consumer<JdbcTemplate> tampering) {
        AuditReport report = Auditor.run(argsFor(tamperedCopy(tampering)));

        assertThat(report.failedChecks()).as(report.render()).containsExactly(check);
        if (offendingId != null) {
            assertThat(report.violationsOf(check)).as(report.render())
                    .anySatisfy(violation -> assertThat(violation.id() + " " + violation.detail()).contains(offendingId));
        }
        assertThat(report.render()).contains("[FAIL] " + check);
    }

    /** A copy of the audited database with {@code tampering} applied to it. */
    private static String tamperedCopy(Consumer<JdbcTemplate> tampering) {
        String name = "audited_" + UUID.randomUUID().toString().replace("-", "");
        synchronized (copies) {
            admin.execute("CREATE DATABASE " + name + " TEMPLATE " + systemUrl.substring(systemUrl.lastIndexOf('/') + 1));
            copies.add(name);
        }
        String url = databaseUrl(name);
        tampering.accept(new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres")));
        return url;
    }

    private static void charge(JdbcTemplate jdbc, String orderId, String amount) {
        String paymentId = "tampered-" + UUID.randomUUID();
        jdbc.update("INSERT INTO payments.payment (payment_id, order_id) VALUES (?, ?)", paymentId, orderId);
        jdbc.update("INSERT INTO payments.ledger_entry (payment_id, order_id, kind, amount, currency) VALUES (?, ?, 'CHARGE', ?, 'EUR')",
                paymentId, orderId, new java.math.BigDecimal(amount));
    }

    private static String[] argsFor(String url) {
        return new String[] {"--orderflow.db.url=" + url, "--orderflow.db.username=postgres", "--orderflow.db.password=postgres",
                "--orderflow.saga.payment-timeout=" + AUDITED_PAYMENT_TIMEOUT, "--orderflow.auditor.grace=PT0S"};
    }

    private static String databaseUrl(String database) {
        return systemUrl.substring(0, systemUrl.lastIndexOf('/') + 1) + database;
    }

    private static ProductId addProduct(CommandGateway commands, String name, String price, int stock) {
        ProductId id = ProductId.random();
        commands.sendAndWait(new AddProductCommand(id, name, Money.of(price, "EUR"), stock));
        return id;
    }

    private static String place(CommandGateway commands, ProductId product, String price, int quantity) {
        OrderId id = OrderId.random();
        commands.sendAndWait(new PlaceOrderCommand(id, CustomerId.random(),
                List.of(new OrderLine(product, "product", quantity, Money.of(price, "EUR"))),
                new ShippingAddress("Ada", "1 Road", null, "Town", "12345", "DE")));
        return id.value();
    }

    private static void awaitStatus(JdbcTemplate jdbc, Map<String, String> expected) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> expected.forEach((name, status) ->
                assertThat(jdbc.queryForObject("SELECT status FROM projections.order_view WHERE order_id = ?", String.class,
                        orders.get(name))).as(name).isEqualTo(status)));
    }
}

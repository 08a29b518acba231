package io.orderflow.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.MetadataKeys;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.ExpireOverdueReservationsCommand;
import io.orderflow.contracts.inventory.RestockProductCommand;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderRefundRequested;
import io.orderflow.contracts.order.PaymentApproved;
import io.orderflow.contracts.order.PaymentVoidRequested;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import io.orderflow.contracts.order.ShippingAddress;
import io.orderflow.payment.DeclineThirteens;
import io.orderflow.platform.axon.Serializers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: the exporter of the golden fixtures in {@code src/test/resources/stored-forms}. It runs the real
 * system (embedded PostgreSQL and Kafka, driven with commands as {@link AuditorTest} does) through every path an
 * order and a product can take, and writes what the store then holds: every event row, the sagas still running, an
 * {@code Inventory} snapshot and the processors' tokens, byte for byte as stored. Run it on the code whose stored
 * forms are to be kept, before a new revision changes them:
 * <pre>
 * ./mvnw -B -ntp -o -q -pl :auditor -am test -Dtest=StoredFormsExport -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dorderflow.stored-forms.export=$PWD/auditor/src/test/resources/stored-forms/NAME
 * </pre>
 */
@EnabledIfSystemProperty(named = StoredFormsExport.DIRECTORY, matches = ".+")
class StoredFormsExport {

    static final String DIRECTORY = "orderflow.stored-forms.export";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<ProductId, Money> prices = new java.util.HashMap<>();

    @Test
    void exportsEveryStoredFormOfARealRun() throws Exception {
        Path directory = Path.of(System.getProperty(DIRECTORY));
        Files.createDirectories(directory);
        ConfigurableApplicationContext system = new SpringApplicationBuilder(AuditedSystem.class).run(
                "--spring.main.web-application-type=none",
                "--orderflow.order.tax-rate=0",
                "--orderflow.saga.payment-timeout=PT2S",
                "--orderflow.payment.latency=PT0.005S",
                "--orderflow.payment.technical-failure-rate=0",
                "--orderflow.inventory.snapshot-threshold=5",
                "--orderflow.inventory.reservation-sweep-interval=PT1H",
                "--logging.level.org.axonframework=WARN",
                "--logging.level.org.apache.kafka=ERROR");
        try {
            JdbcTemplate jdbc = system.getBean(JdbcTemplate.class);
            CommandGateway commands = system.getBean(CommandGateway.class);
            Map<String, String> orders = new java.util.LinkedHashMap<>();

            ProductId beans = addProduct(commands, "Golden beans", "34.90", 40);
            commands.sendAndWait(new RestockProductCommand(beans, 10));
            ProductId declined = addProduct(commands, "Declined kettle", DeclineThirteens.DECLINED_AMOUNT.toPlainString(), 5);
            ProductId slow = addProduct(commands, "Slowly paid grinder", DeclineThirteens.SLOW_AMOUNT.toPlainString(), 5);
            ProductId scarce = addProduct(commands, "Scarce cup", "12.00", 1);

            orders.put("delivered", place(commands, Map.of(beans, 2)));
            orders.put("declined", place(commands, Map.of(declined, 1)));
            orders.put("outOfStock", place(commands, Map.of(beans, 1, scarce, 2)));
            orders.put("cancelledWhenConfirmed", place(commands, Map.of(beans, 1)));
            awaitStatus(jdbc, orders, Map.of("delivered", "CONFIRMED", "declined", "CANCELLED", "outOfStock", "CANCELLED",
                    "cancelledWhenConfirmed", "CONFIRMED"));
            commands.sendAndWait(new ShipOrderCommand(OrderId.of(orders.get("delivered"))));
            commands.sendAndWait(new DeliverOrderCommand(OrderId.of(orders.get("delivered"))));
            commands.sendAndWait(new CancelOrderCommand(OrderId.of(orders.get("cancelledWhenConfirmed")),
                    CancellationReason.CUSTOMER_REQUEST, "changed my mind"));

            // the bank answers a charge of the slow amount after the payment deadline: a timeout, then a charge not kept
            orders.put("timedOut", place(commands, Map.of(slow, 1)));
            // while the bank thinks about the next one, its reservation is swept as overdue
            orders.put("expired", place(commands, Map.of(slow, 2)));
            awaitStatus(jdbc, orders, Map.of("expired", "AWAITING_PAYMENT"));
            commands.sendAndWait(new ExpireOverdueReservationsCommand(slow, Instant.now().plus(Duration.ofDays(1))));
            orders.put("cancelledWhileAwaitingPayment", place(commands, Map.of(slow, 1)));
            awaitStatus(jdbc, orders, Map.of("cancelledWhileAwaitingPayment", "AWAITING_PAYMENT"));
            commands.sendAndWait(new CancelOrderCommand(OrderId.of(orders.get("cancelledWhileAwaitingPayment")),
                    CancellationReason.CUSTOMER_REQUEST, null));
            orders.put("confirmed", place(commands, Map.of(beans, 3)));

            awaitStatus(jdbc, orders, Map.of("delivered", "DELIVERED", "cancelledWhenConfirmed", "CANCELLED",
                    "timedOut", "CANCELLED", "expired", "CANCELLED", "cancelledWhileAwaitingPayment", "CANCELLED",
                    "confirmed", "CONFIRMED"));
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE payload_type = ?",
                        Integer.class, "io.orderflow.contracts.order.OrderPaymentRefunded")).isGreaterThanOrEqualTo(2);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE payload_type = ?",
                        Integer.class, "io.orderflow.contracts.order.ChargeNotKept")).isGreaterThanOrEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.snapshot_event_entry", Integer.class)).isPositive();
                assertThat(jdbc.queryForObject("SELECT sum(reserved) FROM projections.product_view", Integer.class)).isZero();
                // at rest: only the confirmed order's process is still running
                assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.saga_entry", Integer.class)).isEqualTo(1);
            });
            Thread.sleep(2_000); // the processors store their tokens after the last events

            write(directory.resolve("orders.json"), json.valueToTree(orders));
            write(directory.resolve("domain-events.json"), rows(jdbc, """
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type,
                           payload_revision, time_stamp, convert_from(payload, 'UTF8') AS payload,
                           convert_from(meta_data, 'UTF8') AS meta_data
                      FROM axon.domain_event_entry ORDER BY global_index"""));
            write(directory.resolve("domain-events-no-longer-written.json"), noLongerWritten(orders));
            write(directory.resolve("snapshots.json"), rows(jdbc, """
                    SELECT aggregate_identifier, sequence_number, type, event_identifier, payload_type, payload_revision,
                           time_stamp, convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta_data
                      FROM axon.snapshot_event_entry ORDER BY aggregate_identifier, sequence_number"""));
            write(directory.resolve("sagas.json"), rows(jdbc, """
                    SELECT saga_id, revision, saga_type, convert_from(serialized_saga, 'UTF8') AS serialized_saga,
                           (SELECT json_agg(json_build_object('key', a.association_key, 'value', a.association_value)
                                            ORDER BY a.association_key, a.association_value)::text
                              FROM axon.association_value_entry a WHERE a.saga_id = s.saga_id) AS associations
                      FROM axon.saga_entry s ORDER BY saga_id"""));
            write(directory.resolve("tokens.json"), rows(jdbc, """
                    SELECT processor_name, segment, token_type, convert_from(token, 'UTF8') AS token
                      FROM axon.token_entry ORDER BY processor_name, segment"""));
        } finally {
            system.close();
        }
    }

    /**
     * Events the code still reads but no longer records: no run can produce them, so their stored form is what the
     * event serializer makes of them, exactly as the store would hold it, with the metadata the order gives its events.
     */
    private ArrayNode noLongerWritten(Map<String, String> orders) {
        Serializer serializer = Serializers.forMessages();
        OrderId order = OrderId.of(orders.get("confirmed"));
        PaymentId payment = PaymentId.forOrder(order);
        Money amount = Money.of("104.70", "EUR");
        ArrayNode rows = json.createArrayNode();
        for (Object event : List.of(new PaymentApproved(order, payment, amount), new OrderRefundRequested(order, payment, amount),
                new PaymentVoidRequested(order, payment, amount))) {
            SerializedObject<String> payload = serializer.serialize(event, String.class);
            ObjectNode row = rows.addObject();
            row.put("payload_type", payload.getType().getName());
            row.putNull("payload_revision");
            row.put("payload", payload.getData());
            row.put("meta_data", "{\"" + MetadataKeys.CUSTOMER_ID + "\":\"" + CustomerId.random().value() + "\"}");
        }
        return rows;
    }

    private ArrayNode rows(JdbcTemplate jdbc, String sql) {
        ArrayNode rows = json.createArrayNode();
        jdbc.queryForList(sql).forEach(row -> rows.add(json.valueToTree(row)));
        return rows;
    }

    private void write(Path file, Object content) throws Exception {
        Files.writeString(file, json.writeValueAsString(content) + "\n", StandardCharsets.UTF_8);
    }

    private ProductId addProduct(CommandGateway commands, String name, String price, int stock) {
        ProductId id = ProductId.random();
        prices.put(id, Money.of(price, "EUR"));
        commands.sendAndWait(new AddProductCommand(id, name, prices.get(id), stock));
        return id;
    }

    private String place(CommandGateway commands, Map<ProductId, Integer> quantities) {
        OrderId id = OrderId.random();
        List<OrderLine> lines = quantities.entrySet().stream()
                .map(line -> new OrderLine(line.getKey(), "product", line.getValue(), prices.get(line.getKey())))
                .toList();
        commands.sendAndWait(new PlaceOrderCommand(id, CustomerId.random(), lines,
                new ShippingAddress("Ada Lovelace", "12 Analytical Street", null, "London", "N1 9GU", "GB")));
        return id.value();
    }

    private static void awaitStatus(JdbcTemplate jdbc, Map<String, String> orders, Map<String, String> expected) {
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> expected.forEach((name, status) ->
                assertThat(jdbc.queryForObject("SELECT status FROM projections.order_view WHERE order_id = ?", String.class,
                        orders.get(name))).as(name).isEqualTo(status)));
    }
}

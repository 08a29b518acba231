package io.orderflow.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.auditor.storedforms.StoredForms;
import io.orderflow.auditor.storedforms.StoredForms.StoredEvent;
import io.orderflow.auditor.storedforms.StoredForms.StoredSaga;
import io.orderflow.auditor.storedforms.StoredForms.StoredSnapshot;
import io.orderflow.auditor.storedforms.StoredForms.StoredToken;
import io.orderflow.contracts.audit.AuditedAggregate;
import io.orderflow.contracts.audit.EventTimelineView;
import io.orderflow.contracts.audit.FindEventTimelineQuery;
import io.orderflow.contracts.audit.RecordedEventView;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.operations.FindReadModelRebuildQuery;
import io.orderflow.contracts.operations.ReadModelRebuildView;
import io.orderflow.contracts.operations.RebuildState;
import io.orderflow.contracts.operations.ReplayReadModelCommand;
import io.orderflow.contracts.operations.VerifyReadModelCommand;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import io.orderflow.contracts.order.ShippingAddress;
import io.orderflow.platform.axon.FirstEventRevision;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The replay proof of a new event revision, on the real system: a store that holds the golden fixtures as they were
 * stored, and the events today's code appends to them, projects the same read models as the same history written
 * by today's code; a replay of {@code order-details} and a verification of every read model find no difference;
 * the timeline shows today's revision; and the auditor's read-model check passes.
 */
class StoreOfBothRevisionsTest {

    private static final String GENERATION = "unrevisioned";
    private static final List<String> PROJECTIONS = List.of("order-details", "product-catalogue");
    private static final Map<String, String> READ_MODEL_TABLES = Map.of(
            "order_view", "order_id",
            "order_line_view", "order_id, product_id",
            "order_status_history", "order_id, sequence",
            "product_view", "product_id");

    private final StoredForms forms = StoredForms.of(GENERATION);

    @Test
    void aStoreOfBothRevisionsProjectsReplaysAndAuditsAsTheSameHistoryWrittenToday() {
        String server = embeddedPostgres();
        String asStored = newDatabase(server, "stored");
        String asWrittenToday = newDatabase(server, "today");
        for (String database : List.of(asStored, asWrittenToday)) {
            run(database).close(); // the schemas, as a first start creates them
        }
        load(asStored, false);
        load(asWrittenToday, true);

        Map<String, List<Map<String, Object>>> projectedToday;
        try (ConfigurableApplicationContext system = run(asWrittenToday)) {
            projectedToday = readModelsOnceProjected(system.getBean(JdbcTemplate.class));
        }
        try (ConfigurableApplicationContext system = run(asStored)) {
            JdbcTemplate jdbc = system.getBean(JdbcTemplate.class);
            CommandGateway commands = system.getBean(CommandGateway.class);
            QueryGateway queries = system.getBean(QueryGateway.class);

            assertThat(readModelsOnceProjected(jdbc)).as("the read models of the stored forms").isEqualTo(projectedToday);

            // today's code appends to streams of stored events: the confirmed order (its stored saga ends) and a product
            OrderId confirmed = OrderId.of(forms.orders().get("confirmed"));
            commands.sendAndWait(new ShipOrderCommand(confirmed));
            commands.sendAndWait(new DeliverOrderCommand(confirmed));
            ProductId beans = productOf(jdbc, confirmed);
            OrderId placedToday = OrderId.random();
            commands.sendAndWait(new PlaceOrderCommand(placedToday, CustomerId.random(),
                    List.of(new OrderLine(beans, "product", 1, Money.of("34.90", "EUR"))),
                    new ShippingAddress("Ada Lovelace", "12 Analytical Street", null, "London", "N1 9GU", "GB")));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(status(jdbc, confirmed)).isEqualTo("DELIVERED");
                assertThat(status(jdbc, placedToday)).isEqualTo("CONFIRMED");
                assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.saga_entry WHERE saga_id = ?", Integer.class,
                        forms.sagas().get(0).sagaId())).as("the stored saga ended").isZero();
            });
            assertThat(revisionsOf(jdbc, confirmed.value())).as("one stream, both revisions").containsNull().contains("1");
            assertThat(revisionsOf(jdbc, beans.value())).as("one stream, both revisions").containsNull().contains("1");

            EventTimelineView timeline = queries.query(new FindEventTimelineQuery(AuditedAggregate.ORDER, confirmed.value(), 0,
                    FindEventTimelineQuery.DEFAULT_LIMIT), EventTimelineView.class).join();
            assertThat(timeline.events()).extracting(RecordedEventView::revision).containsOnly(FirstEventRevision.REVISION);
            assertThat(timeline.events().get(0).payload().toString()).doesNotContain("negative").contains("amount=104.70");

            for (String readModel : PROJECTIONS) {
                assertThat(finished(queries, readModel, commands.sendAndWait(new VerifyReadModelCommand(readModel))).verification()
                        .differenceCount()).as("verification of %s", readModel).isZero();
            }
            ReadModelRebuildView replay = finished(queries, "order-details",
                    commands.sendAndWait(new ReplayReadModelCommand("order-details", true)));
            assertThat(replay.state()).as(replay.failure()).isEqualTo(RebuildState.COMPLETED);
            assertThat(replay.verification().differenceCount()).isZero();
            assertThat(replay.verification().rowsCompared()).isPositive();
        }

        AuditReport report = Auditor.run("--orderflow.db.url=" + asStored, "--orderflow.db.username=postgres",
                "--orderflow.db.password=postgres", "--orderflow.auditor.grace=PT0S");
        CheckResult readModels = report.results().stream().filter(result -> result.check().equals(ReadModelCheck.NAME))
                .findFirst().orElseThrow();
        assertThat(readModels.passed()).as(report.render()).isTrue();
        assertThat(readModels.summary()).as(report.render()).doesNotContain(": 0 rows");
    }

    /** Every event row, the snapshots and the saga as stored (or as today's code writes the events), tokens at the end. */
    private void load(String database, boolean writtenToday) {
        JdbcTemplate jdbc = jdbc(database);
        List<StoredEvent> events = forms.events();
        List<DomainEventData<byte[]>> today = StoredForms.writtenToday(events);
        for (int index = 0; index < events.size(); index++) {
            StoredEvent row = events.get(index);
            DomainEventData<byte[]> entry = today.get(index);
            jdbc.update("""
                    INSERT INTO axon.domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                                                         payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    row.globalIndex(), row.eventIdentifier(),
                    writtenToday ? entry.getMetaData().getData() : StoredForms.bytes(row.metaData()),
                    writtenToday ? entry.getPayload().getData() : StoredForms.bytes(row.payload()),
                    writtenToday ? entry.getPayload().getType().getRevision() : row.payloadRevision(),
                    row.payloadType(), row.timeStamp(), row.aggregateIdentifier(), row.sequenceNumber(), row.type());
        }
        jdbc.execute("SELECT setval(pg_get_serial_sequence('axon.domain_event_entry', 'global_index'), "
                + "(SELECT max(global_index) FROM axon.domain_event_entry))");
        for (StoredSnapshot snapshot : forms.snapshots()) {
            jdbc.update("""
                    INSERT INTO axon.snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                                           payload, payload_revision, payload_type, time_stamp)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    snapshot.aggregateIdentifier(), snapshot.sequenceNumber(), snapshot.type(), snapshot.eventIdentifier(),
                    StoredForms.bytes(snapshot.metaData()), StoredForms.bytes(snapshot.payload()), snapshot.payloadRevision(),
                    snapshot.payloadType(), snapshot.timeStamp());
        }
        for (StoredSaga saga : forms.sagas()) {
            jdbc.update("INSERT INTO axon.saga_entry (saga_id, revision, saga_type, serialized_saga) VALUES (?, ?, ?, ?)",
                    saga.sagaId(), saga.revision(), saga.sagaType(), StoredForms.bytes(saga.serializedSaga()));
            jdbc.update("""
                    INSERT INTO axon.association_value_entry (association_key, association_value, saga_id, saga_type)
                    SELECT a ->> 'key', a ->> 'value', ?, ? FROM jsonb_array_elements(?::jsonb) a""",
                    saga.sagaId(), saga.sagaType(), saga.associations());
        }
        // the processors that act (the saga, the publisher) are where the run left them; the projections start afresh
        StoredToken stored = forms.tokens().get(0);
        jdbc.update("UPDATE axon.token_entry SET token = ?, token_type = ?, owner = NULL",
                StoredForms.bytes(stored.token()), stored.tokenType());
        for (StoredToken token : forms.tokens()) {
            jdbc.update("""
                    INSERT INTO axon.token_entry (processor_name, segment, token, token_type) VALUES (?, ?, ?, ?)
                    ON CONFLICT (processor_name, segment) DO UPDATE SET token = EXCLUDED.token, token_type = EXCLUDED.token_type""",
                    token.processorName(), token.segment(), StoredForms.bytes(token.token()), token.tokenType());
        }
        jdbc.update("DELETE FROM axon.token_entry WHERE processor_name IN ('order-details', 'product-catalogue')");
    }

    private Map<String, List<Map<String, Object>>> readModelsOnceProjected(JdbcTemplate jdbc) {
        long last = forms.events().get(forms.events().size() - 1).globalIndex();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            for (String processor : PROJECTIONS) {
                // a projection without a token starts as a replay: its position is the replay token's current one
                assertThat(jdbc.queryForObject("""
                        SELECT min(coalesce(t -> 'currentToken' ->> 'index', t ->> 'index')::bigint)
                          FROM (SELECT convert_from(token, 'UTF8')::jsonb AS t FROM axon.token_entry WHERE processor_name = ?) tokens""",
                        Long.class, processor)).as(processor).isGreaterThanOrEqualTo(last);
            }
        });
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        READ_MODEL_TABLES.forEach((table, key) -> rows.put(table,
                jdbc.queryForList("SELECT * FROM projections." + table + " ORDER BY " + key)));
        assertThat(rows.get("order_view")).hasSize(forms.orders().size());
        return rows;
    }

    private static ReadModelRebuildView finished(QueryGateway queries, String readModel, Object rebuildId) {
        Function<Object, ReadModelRebuildView> status = id -> queries.query(
                new FindReadModelRebuildQuery(readModel, id.toString()), ReadModelRebuildView.class).join();
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> status.apply(rebuildId), view -> view != null && view.state().isFinished());
    }

    private static List<String> revisionsOf(JdbcTemplate jdbc, String aggregateId) {
        return jdbc.queryForList("SELECT payload_revision FROM axon.domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, aggregateId);
    }

    private static ProductId productOf(JdbcTemplate jdbc, OrderId order) {
        return ProductId.of(jdbc.queryForObject("SELECT product_id FROM projections.order_line_view WHERE order_id = ?",
                String.class, order.value()));
    }

    private static String status(JdbcTemplate jdbc, OrderId order) {
        return jdbc.queryForObject("SELECT status FROM projections.order_view WHERE order_id = ?", String.class, order.value());
    }

    private static ConfigurableApplicationContext run(String database) {
        return new SpringApplicationBuilder(AuditedSystem.class).run(
                "--spring.main.web-application-type=none",
                "--orderflow.db.url=" + database,
                "--orderflow.db.username=postgres",
                "--orderflow.db.password=postgres",
                "--orderflow.order.tax-rate=0",
                "--orderflow.saga.payment-timeout=PT30S",
                "--orderflow.payment.latency=PT0.005S",
                "--orderflow.payment.technical-failure-rate=0",
                "--logging.level.org.axonframework=WARN",
                "--logging.level.org.apache.kafka=ERROR");
    }

    /** The embedded PostgreSQL that every system of this JVM shares, started by its environment post-processor alone. */
    private static String embeddedPostgres() {
        try (ConfigurableApplicationContext nothing = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE).run("--logging.level.root=WARN")) {
            return nothing.getEnvironment().getRequiredProperty("orderflow.db.url");
        }
    }

    private static String newDatabase(String serverUrl, String purpose) {
        String name = "revisions_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "");
        jdbc(serverUrl).execute("CREATE DATABASE " + name);
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
    }

    @SpringBootConfiguration
    static class Nothing {
    }
}

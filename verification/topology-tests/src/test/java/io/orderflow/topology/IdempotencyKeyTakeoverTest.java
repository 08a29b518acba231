package io.orderflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge's idempotency keys moved from the auth schema into the edge's own: the edge's migration takes the
 * records of a database migrated before over, and no old table is left, whichever of the two schemas the
 * platform migrates first (the order of their beans). Migrated as the platform migrates (one Flyway history per
 * schema), with the scripts of the auth and api-edge modules, on one database each, as in the edge-service's.
 */
class IdempotencyKeyTakeoverTest {

    private static final String AUTH = "auth";
    private static final String EDGE = "edge";
    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofSeconds(60)).start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void takesTheRecordsOverWhenAuthMigratesFirst() throws SQLException {
        DataSource database = aDatabaseWithARecordInTheAuthSchema();

        migrate(database, AUTH);
        migrate(database, EDGE);

        assertTakenOver(database);
    }

    @Test
    void takesTheRecordsOverWhenTheEdgeMigratesFirst() throws SQLException {
        DataSource database = aDatabaseWithARecordInTheAuthSchema();

        migrate(database, EDGE);
        migrate(database, AUTH);

        assertTakenOver(database);
    }

    @Test
    void leavesNoOldTableOnAFreshDatabaseWhicheverMigratesFirst() throws SQLException {
        DataSource authFirst = freshDatabase();
        migrate(authFirst, AUTH);
        migrate(authFirst, EDGE);
        DataSource edgeFirst = freshDatabase();
        migrate(edgeFirst, EDGE);
        migrate(edgeFirst, AUTH);

        for (DataSource database : List.of(authFirst, edgeFirst)) {
            assertThat(tableExists(database, "auth.idempotency_key")).isFalse();
            assertThat(tableExists(database, "edge.idempotency_key")).isTrue();
            assertThat(tableExists(database, "auth.account")).isTrue();
        }
    }

    /** A database as the previous version left it: the auth schema at V2, holding one completed key. */
    private static DataSource aDatabaseWithARecordInTheAuthSchema() throws SQLException {
        DataSource database = freshDatabase();
        flyway(database, AUTH).target("2").load().migrate();
        execute(database, """
                INSERT INTO auth.idempotency_key (customer_id, idempotency_key, claim_id, request_hash, status,
                       response_status, response_location, response_body, created_at, expires_at)
                VALUES ('customer-1', 'key-1', '00000000-0000-0000-0000-000000000001', 'hash-1', 'COMPLETED',
                       202, '/api/orders/1', '{"orderId":"1"}', now(), now() + interval '1 day')""");
        return database;
    }

    private static void assertTakenOver(DataSource database) throws SQLException {
        assertThat(tableExists(database, "auth.idempotency_key")).as("the old table").isFalse();
        assertThat(rows(database, """
                SELECT customer_id || ' ' || idempotency_key || ' ' || status || ' ' || response_status || ' '
                       || response_location || ' ' || response_body || ' ' || (expires_at > now())
                  FROM edge.idempotency_key""")).containsExactly("customer-1 key-1 COMPLETED 202 /api/orders/1 {\"orderId\":\"1\"} true");
    }

    private static void migrate(DataSource database, String schema) {
        flyway(database, schema).load().migrate();
    }

    /** As the platform's SchemaMigrations configures Flyway for one module's schema. */
    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource database, String schema) {
        return Flyway.configure().dataSource(database).schemas(schema).defaultSchema(schema).createSchemas(true)
                .table("flyway_schema_history").locations("classpath:db/migration/" + schema);
    }

    private static DataSource freshDatabase() throws SQLException {
        String name = "takeover_" + (++databases);
        execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
        return postgres.getDatabase("postgres", name);
    }

    private static boolean tableExists(DataSource database, String table) throws SQLException {
        return rows(database, "SELECT (to_regclass('" + table + "') IS NOT NULL)::text").equals(List.of("true"));
    }

    private static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             var result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

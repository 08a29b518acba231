package io.orderflow.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies every module's {@link SchemaMigration}, each with its own Flyway history table. */
final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    /** An arbitrary key of the advisory lock that serializes migrations across instances ("orderflow" in ASCII, truncated). */
    private static final long MIGRATION_LOCK = 0x6f72646572666cL;

    private SchemaMigrations() {
    }

    /**
     * Under one PostgreSQL advisory lock, held on a connection of its own: instances starting together
     * migrate one after the other. Flyway locks its history table, but creating the schemas races.
     */
    static void apply(DataSource dataSource, List<SchemaMigration> migrations) {
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                migrateAll(dataSource, migrations);
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the schema migration lock", e);
        }
    }

    private static void migrateAll(DataSource dataSource, List<SchemaMigration> migrations) {
        for (SchemaMigration migration : migrations) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(migration.schema())
                    .defaultSchema(migration.schema())
                    .createSchemas(true)
                    .table("flyway_schema_history")
                    .locations(migration.location())
                    .load()
                    .migrate();
            log.info("Schema {}: {} migration(s) applied, now at version {}",
                    migration.schema(), result.migrationsExecuted, result.targetSchemaVersion);
        }
    }
}

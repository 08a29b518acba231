package io.orderflow.platform.db;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies every module's {@link SchemaMigration}, each with its own Flyway history table. */
final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    static void apply(DataSource dataSource, List<SchemaMigration> migrations) {
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

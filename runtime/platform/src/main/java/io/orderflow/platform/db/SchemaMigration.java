package io.orderflow.platform.db;

/**
 * One module's own schema and the Flyway migrations that build it. Each module declares one as a bean;
 * the platform applies them all before anything uses the database. Every schema keeps its own history
 * table, so modules evolve (and later deploy) independently.
 *
 * @param schema   the PostgreSQL schema the module owns
 * @param location the classpath folder of its migrations, e.g. {@code classpath:db/migration/projections}
 */
public record SchemaMigration(String schema, String location) {
}

/**
 * The two ways the application talks to PostgreSQL: JDBC (Hikari) for Axon and for projection writes,
 * which share the Axon unit of work's transaction, and R2DBC for reactive reads. Each module owns its
 * schema and its Flyway migrations and contributes them as a {@link io.orderflow.platform.db.SchemaMigration}.
 */
package io.orderflow.platform.db;

/**
 * Infrastructure every deployable shares: the PostgreSQL datasources, per-module Flyway migrations,
 * Axon's JDBC event store, token store and saga store, and the one adapter package around reactor-kafka.
 * The embedded PostgreSQL and Kafka that the default run and the tests start by themselves live in module
 * {@code embedded-infrastructure}, which production code never carries.
 */
package io.orderflow.platform;

/**
 * Infrastructure every deployable shares: the PostgreSQL datasources, per-module Flyway migrations,
 * Axon's JDBC event store, token store and saga store, the embedded PostgreSQL and Kafka that the
 * default run and the tests start by themselves, and the one adapter package around reactor-kafka.
 */
package io.orderflow.platform;

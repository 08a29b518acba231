/**
 * Axon Framework 4 on PostgreSQL: the JDBC event storage engine (payloads as {@code bytea}), token store,
 * saga store and sequenced dead-letter queues over the shared JDBC datasource, all in the {@code axon}
 * schema that Flyway owns, the Jackson serializers, the Spring transaction manager, and the command
 * gateway's retry policy. With the {@code axonserver} profile the event store moves to Axon Server;
 * tokens, sagas and dead letters stay in PostgreSQL.
 */
package io.orderflow.platform.axon;

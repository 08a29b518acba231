/**
 * The query side: read models that event processors build from the event stream into the
 * {@code projections} schema of PostgreSQL, and the query handlers that answer from them over R2DBC
 * without blocking. Writes go through JDBC inside the unit of work of the event processor, so a row
 * change and the processor's token advance commit together; each row also remembers the sequence number
 * of the last event applied to it, so a redelivered event changes nothing. A failing event is parked in
 * the processing group's dead-letter queue instead of stopping the processor. Read models live in
 * generations of tables ({@code readmodel}) so that they can be replayed and verified without downtime
 * ({@code rebuild}); {@code deadletter} and {@code audit} serve operators. Projections never send
 * commands and know no aggregate.
 */
package io.orderflow.projections;

/**
 * The event timeline of an order or a product, for audit and debugging: the events of one aggregate as
 * the event store holds them, payload and metadata in their stored JSON, read through Axon's event store
 * so that it answers the same with the JDBC store and with Axon Server. Snapshots are skipped: they are
 * a cache, not history.
 */
package io.orderflow.projections.audit;

/**
 * The event timeline of an order or a product, for audit and debugging: every recorded event with its
 * type, sequence number, time, payload and metadata (trace and correlation ids, the customer), exactly as
 * the event store holds them, in pages.
 */
package io.orderflow.edge.audit;

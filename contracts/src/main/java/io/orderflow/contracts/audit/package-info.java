/**
 * Reading the event store for audit and debugging: the raw, recorded events of one order or one product,
 * with their payload and metadata as stored, in the order they happened.
 */
package io.orderflow.contracts.audit;

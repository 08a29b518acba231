/**
 * Operating the query side: rebuilding a read model from the event store next to the live one and
 * switching over ({@code ReplayReadModelCommand}), rebuilding it only to compare it with the live one
 * ({@code VerifyReadModelCommand}), following such a rebuild, and the dead letters of the event
 * processors (events whose handler failed, parked with every later event of the same aggregate).
 */
package io.orderflow.contracts.operations;

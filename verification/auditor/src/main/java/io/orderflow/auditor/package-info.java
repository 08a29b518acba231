/**
 * The auditor: an operations tool that reads what a run of orderflow left behind (the event store in
 * schema {@code axon}, the payment ledger in {@code payments}, the read models in {@code projections})
 * and checks the system's invariants, one {@link io.orderflow.auditor.AuditCheck} each, into an
 * {@link io.orderflow.auditor.AuditReport}. It writes nothing the system reads: the only tables it
 * creates are a scratch generation of each read model, dropped after the comparison.
 */
package io.orderflow.auditor;

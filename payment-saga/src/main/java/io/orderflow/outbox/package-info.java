/**
 * The event store is the outbox of what the order process sends to Kafka ({@code payments.requests},
 * {@code orders.events}): the publishers are event handlers, and a processor's batch commits, moving its token,
 * only after Kafka acknowledged every record sent during it ({@link io.orderflow.outbox.BeforeCommit}); a failing
 * handler is retried, never skipped. The one Kafka publisher of this module and that error handling live here.
 */
package io.orderflow.outbox;

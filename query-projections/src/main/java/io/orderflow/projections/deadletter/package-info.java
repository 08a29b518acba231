/**
 * The dead letters of the read models' processors, for operators: list the parked sequences with the
 * reason their first event failed, hand them to the handlers again once the cause is fixed, or evict a
 * sequence for good. Retries run the same handlers as the processor, in the command's transaction; a
 * sequence that fails again stays parked with its new cause.
 */
package io.orderflow.projections.deadletter;

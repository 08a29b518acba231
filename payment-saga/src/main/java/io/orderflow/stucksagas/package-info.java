/**
 * Stuck order processes: a step of the order saga that keeps failing (a command refused or failing, an event
 * that cannot be read, a transaction that does not commit) is tried a bounded number of times with back-off,
 * then parked with the order's later events, while the saga's processor goes on with every other order
 * ({@link io.orderflow.stucksagas.SagaStepParking}). The console's queries and commands list, retry and
 * resolve them ({@link io.orderflow.stucksagas.StuckSagaOperations}); docs/decisions/0016 says why it is not
 * Axon's dead-letter queue.
 */
package io.orderflow.stucksagas;

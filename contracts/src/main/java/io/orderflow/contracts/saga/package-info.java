/**
 * The stuck-saga console's messages: order processes whose step kept failing and was parked after its
 * attempts ({@code FindStuckSagasQuery}, {@code FindStuckSagaQuery}), handed to the process again once the
 * cause is fixed ({@code RetryStuckSagaCommand}), or resolved by compensating: the order is cancelled with
 * a reason and its process gives back what it holds ({@code ResolveStuckSagaCommand}).
 */
package io.orderflow.contracts.saga;

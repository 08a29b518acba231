/**
 * The only way from the edge to the Axon buses. {@link io.orderflow.edge.dispatch.Commands} and
 * {@link io.orderflow.edge.dispatch.Queries} move the work off the Netty event loop (the local buses run
 * handlers, with their blocking JDBC, on the subscribing thread), bound it by {@code orderflow.edge.timeout},
 * and retry commands that lost an optimistic-locking race, so that no controller repeats any of that.
 */
package io.orderflow.edge.dispatch;

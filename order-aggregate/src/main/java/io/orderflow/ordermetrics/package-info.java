/**
 * Order counters and the order process's duration ({@code orderflow.orders.*},
 * {@code orderflow.order.process.duration}), counted from the Order aggregate's events as they are published.
 * Beside the aggregate because a subscribing processor only sees its own JVM's events; outside
 * {@code io.orderflow.order}, which knows nothing but its messages and Axon. The duration's start is read
 * through Axon's event store, never from the platform's {@code axon} tables.
 */
package io.orderflow.ordermetrics;

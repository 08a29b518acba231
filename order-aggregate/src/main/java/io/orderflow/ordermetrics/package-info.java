/**
 * Order counters and the order process's duration ({@code orderflow.orders.*},
 * {@code orderflow.order.process.duration}), counted from the Order aggregate's events as they are published.
 * Beside the aggregate because a subscribing processor only sees its own JVM's events; outside
 * {@code io.orderflow.order} because it reads the event store over JDBC, which the aggregate never does.
 */
package io.orderflow.ordermetrics;

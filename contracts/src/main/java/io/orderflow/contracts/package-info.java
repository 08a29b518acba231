/**
 * The messages every module exchanges: commands, events, queries, their views, error codes and the
 * versioned Kafka payloads. Java records only; no Spring and no Axon beyond the routing annotation.
 * A published event never changes shape: add a new event or a new revision with an upcaster.
 */
package io.orderflow.contracts;

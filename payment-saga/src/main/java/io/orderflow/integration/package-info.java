/**
 * Where the order process meets Kafka. The event store is the outbox: tracking processors publish
 * payment requests and order lifecycle events and do not advance past an event Kafka has not
 * acknowledged. Payment results come back as commands on the Order aggregate. Nothing here decides
 * anything; the Order aggregate and the saga do.
 */
package io.orderflow.integration;

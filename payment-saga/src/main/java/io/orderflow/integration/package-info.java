/**
 * Where the order process meets Kafka. The order process's payment commands become requests on
 * {@code payments.requests}, acknowledged before the process's batch commits; the event store is the
 * outbox of {@code orders.events}, whose processor does not advance past an event Kafka has not
 * acknowledged. Payment results come back as commands on the Order aggregate. Nothing here decides
 * anything; the Order aggregate and the saga do.
 */
package io.orderflow.integration;

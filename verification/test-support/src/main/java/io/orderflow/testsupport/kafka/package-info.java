/**
 * A Kafka broker for tests that need one they can take away: a KRaft broker in a JVM of its own, killed and
 * started again on the same log directory and ports, for outage and restart tests.
 */
package io.orderflow.testsupport.kafka;

/**
 * Starts a real PostgreSQL (zonky's embedded binaries) and a real KRaft Kafka broker in-process when no
 * external server is configured, so a machine with only a JDK runs the system and its tests. One
 * instance of each per JVM, shared by every application context the JVM starts.
 */
package io.orderflow.platform.embedded;

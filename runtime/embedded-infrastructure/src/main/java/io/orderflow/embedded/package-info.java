/**
 * Starts a real PostgreSQL (zonky's embedded binaries) and a real KRaft Kafka broker in-process when no
 * external server is configured, so a machine with only a JDK runs the system and its tests. One instance of
 * each per JVM, shared by every application context the JVM starts. With a data directory
 * ({@code orderflow.data-directory}; the launcher's default run) both keep their data there, durably, and survive
 * a killed JVM; without one (the tests) both are fresh at every start. Development only: the launcher and the
 * tests depend on this module, production services never do (docs/decisions/0018).
 */
package io.orderflow.embedded;

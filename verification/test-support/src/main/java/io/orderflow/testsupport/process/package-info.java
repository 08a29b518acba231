/**
 * Child JVMs on the test's classpath and the loopback ports and bounded waits around them: the ground that the
 * process harnesses (a broker, a database, the application itself) stand on, so that a fault is a real SIGKILL.
 */
package io.orderflow.testsupport.process;

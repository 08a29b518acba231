/**
 * The launcher: one Spring Boot application that runs every module in one JVM, on the embedded
 * PostgreSQL and Kafka by default or on external ones configured through environment variables.
 */
package io.orderflow.app;

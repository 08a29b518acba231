/**
 * Traces, metrics and health of the running system (docs/observability.md): Axon's span factory on the
 * application's OpenTelemetry, the trace id on every response, event processor lag, and the readiness
 * indicators for Kafka and the event processors (the order metrics live beside the Order aggregate,
 * {@code io.orderflow.ordermetrics}). Auto-configurations
 * (META-INF/spring/...AutoConfiguration.imports), so the launcher and every separately deployed service get
 * them, each part only where what it observes exists; component scanning of {@code io.orderflow} skips them.
 */
package io.orderflow.platform.observability;

/**
 * Traces, metrics and health of the running system (docs/observability.md): Axon's span factory on the
 * application's OpenTelemetry, the trace id on every response, order counters and saga duration, event
 * processor lag, and the readiness indicators for Kafka and the event processors.
 */
package io.orderflow.app.observability;

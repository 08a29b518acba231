package io.orderflow.contracts.common;

/**
 * Keys of the metadata that travels with commands and events between modules. Audits and replays read
 * them from the event store, so they are as much a contract as the payloads: only ever add keys.
 */
public final class MetadataKeys {

    /** On every Order event: the customer the order belongs to. */
    public static final String CUSTOMER_ID = "customerId";
    /** Who sent the command (the token's subject), copied onto the events it caused. */
    public static final String WHO = "who";
    /** The client's Idempotency-Key of the request that sent the command, copied onto its events. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /**
     * W3C trace context of the span that sent the message, written by Axon's span factory on every command
     * and event (docs/observability.md); event handlers, the saga included, continue the trace from it.
     */
    public static final String TRACE_PARENT = "traceparent";

    private MetadataKeys() {
    }
}

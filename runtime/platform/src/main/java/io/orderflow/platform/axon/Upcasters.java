package io.orderflow.platform.axon;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the stored events, in the order of the revisions they write. An upcaster is never removed:
 * the store keeps every event it was given, and its oldest form must still load. A new revision appends its
 * upcaster here and ships before any code that writes the revision (docs/operations.md).
 */
public final class Upcasters {

    private Upcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(new FirstEventRevision());
    }
}

package io.orderflow.platform.axon;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event processors stopped on purpose in this JVM, and why: a read model's rebuild stops its live processor
 * while it compares or switches. Readiness reports such a processor instead of counting it as down; the
 * instance still answers, from a read model that is a moment behind.
 */
public final class ProcessorPauses {

    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    /** Marks {@code processor} as stopped on purpose, for {@code reason}, until {@link #resumed}. */
    public void paused(String processor, String reason) {
        reasons.put(processor, reason);
    }

    /** The processor runs again, or was given up: it is judged as any other from now on. */
    public void resumed(String processor) {
        reasons.remove(processor);
    }

    /** Why {@code processor} is paused, if it is. */
    public Optional<String> reasonOf(String processor) {
        return Optional.ofNullable(reasons.get(processor));
    }
}

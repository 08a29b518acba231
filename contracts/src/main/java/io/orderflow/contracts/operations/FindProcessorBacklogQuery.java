package io.orderflow.contracts.operations;

import java.util.Objects;

/**
 * Asks how far an event processor is behind the event store; answered with a {@link ProcessorBacklogView}.
 * The edge asks it of the order process to refuse new orders it would only finish late.
 */
public record FindProcessorBacklogQuery(String processor) {

    public FindProcessorBacklogQuery {
        Objects.requireNonNull(processor, "processor");
    }
}

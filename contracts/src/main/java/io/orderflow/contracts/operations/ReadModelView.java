package io.orderflow.contracts.operations;

import java.time.Instant;

/** A read model: its name (also its processing group), the generation of tables serving it and since when. */
public record ReadModelView(String name, int generation, Instant activatedAt) {
}

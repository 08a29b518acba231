package io.orderflow.contracts.operations;

import java.time.Instant;

/**
 * A read model: its name (also its processing group), the generation of tables serving it and since when,
 * and its {@code lag}: how many events its processor is behind the head of the event store.
 */
public record ReadModelView(String name, int generation, Instant activatedAt, long lag) {
}

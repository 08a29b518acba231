package io.orderflow.contracts.operations;

/** What a rebuild is for: to replace the live read model, or only to compare with it. */
public enum RebuildKind {
    REPLAY,
    VERIFY
}

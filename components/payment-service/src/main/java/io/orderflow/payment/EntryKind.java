package io.orderflow.payment;

/** What a ledger entry records. Each kind occurs at most once per payment. */
public enum EntryKind {
    /** Money taken from the customer. */
    CHARGE,
    /** A charge refused; no money moved. */
    DECLINE,
    /** A charge cancelled before it happened; no money moved, and the payment is never charged afterwards. */
    VOID,
    /** The charged money given back. */
    REFUND
}

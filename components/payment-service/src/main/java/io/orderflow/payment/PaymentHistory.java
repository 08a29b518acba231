package io.orderflow.payment;

import java.util.List;
import java.util.Optional;

/** Everything the ledger recorded for one payment, in the order it was recorded. */
record PaymentHistory(List<LedgerEntry> entries) {

    PaymentHistory {
        entries = List.copyOf(entries);
    }

    /** The charge or the decline, whichever decided the payment. */
    Optional<LedgerEntry> decision() {
        return entries.stream().filter(entry -> entry.kind() == EntryKind.CHARGE || entry.kind() == EntryKind.DECLINE).findFirst();
    }

    Optional<LedgerEntry> entry(EntryKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).findFirst();
    }

    boolean has(EntryKind kind) {
        return entry(kind).isPresent();
    }

    boolean isCharged() {
        return has(EntryKind.CHARGE);
    }

    boolean isRefunded() {
        return has(EntryKind.REFUND);
    }

    boolean isVoided() {
        return has(EntryKind.VOID);
    }
}

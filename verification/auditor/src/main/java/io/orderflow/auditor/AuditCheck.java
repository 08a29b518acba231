package io.orderflow.auditor;

/** One invariant of the system, checked against what a run left behind. */
interface AuditCheck {

    CheckResult run(AuditedState state);
}

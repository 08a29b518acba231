package io.orderflow.contracts.saga;

/** Why an order process's step was parked. Published in views: only ever add values. */
public enum StuckReason {
    /** A command of the step was refused for a business reason (it carries an error code). */
    COMMAND_REFUSED,
    /** A command of the step failed otherwise (an exception in its handler, a lost dependency). */
    COMMAND_FAILED,
    /** The event cannot be read (its payload does not deserialize). */
    POISON_EVENT,
    /** The process's own handler failed, or the step's transaction did not commit. */
    HANDLER_FAILED
}

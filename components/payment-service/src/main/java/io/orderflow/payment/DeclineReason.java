package io.orderflow.payment;

/** Why the provider answers DECLINED; sent as the result's {@code reason}. */
enum DeclineReason {
    /** The bank refused the charge. */
    INSUFFICIENT_FUNDS,
    /** The bank could not be reached after every retry; recorded as a decline so the answer stays stable. */
    PROVIDER_UNAVAILABLE,
    /** The payment was voided before its charge arrived. */
    VOIDED,
    /** A refund of a payment that was never charged. */
    NOTHING_TO_REFUND
}

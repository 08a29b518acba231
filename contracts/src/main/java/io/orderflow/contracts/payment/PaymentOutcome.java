package io.orderflow.contracts.payment;

/** What the payment service answers. */
public enum PaymentOutcome {
    APPROVED,
    DECLINED,
    VOIDED,
    REFUNDED
}

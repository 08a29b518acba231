package io.orderflow.contracts.payment;

/** What a payment request asks for. */
public enum PaymentRequestType {
    /** Charge the amount; answered APPROVED or DECLINED. */
    CHARGE,
    /** Cancel a charge request: never charge it, or refund it if it was already charged. Answered VOIDED or REFUNDED. */
    VOID,
    /** Give a charge back. Answered REFUNDED. */
    REFUND
}

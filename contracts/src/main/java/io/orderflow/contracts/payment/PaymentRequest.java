package io.orderflow.contracts.payment;

import java.math.BigDecimal;

/**
 * A request to the payment service, keyed by {@code orderId}. {@code requestId} ({@code paymentId:type})
 * makes it idempotent: the service charges a payment id at most once and refunds it at most once.
 * {@code version} is the version of its JSON Schema ({@link #SCHEMA}); a consumer reads every version from
 * {@link #FIRST_VERSION} on, ignoring fields it does not know (docs/messages.md).
 */
public record PaymentRequest(
        int version,
        String requestId,
        PaymentRequestType type,
        String paymentId,
        String orderId,
        BigDecimal amount,
        String currency) {

    public static final int CURRENT_VERSION = 1;
    /** The oldest version there is: later versions only add fields, so a consumer reads them all from here on. */
    public static final int FIRST_VERSION = 1;
    /** The JSON Schema of {@link #CURRENT_VERSION}, a resource of this module. */
    public static final String SCHEMA = "/schemas/" + PaymentTopics.REQUESTS + "/PaymentRequest.v" + CURRENT_VERSION + ".json";

    public static PaymentRequest of(PaymentRequestType type, String paymentId, String orderId, BigDecimal amount, String currency) {
        return new PaymentRequest(CURRENT_VERSION, paymentId + ":" + type, type, paymentId, orderId, amount, currency);
    }
}

package io.orderflow.contracts.payment;

import java.math.BigDecimal;

/**
 * The payment service's answer to a {@link PaymentRequest}, keyed by {@code orderId}. {@code reason} may be null.
 * {@code version} is the version of its JSON Schema ({@link #SCHEMA}); a consumer reads every version from
 * {@link #FIRST_VERSION} on, ignoring fields it does not know (docs/messages.md).
 */
public record PaymentResult(
        int version,
        String requestId,
        String paymentId,
        String orderId,
        PaymentOutcome outcome,
        String reason,
        BigDecimal amount,
        String currency) {

    public static final int CURRENT_VERSION = 1;
    /** The oldest version there is: later versions only add fields, so a consumer reads them all from here on. */
    public static final int FIRST_VERSION = 1;
    /** The JSON Schema of {@link #CURRENT_VERSION}, a resource of this module. */
    public static final String SCHEMA = "/schemas/" + PaymentTopics.RESULTS + "/PaymentResult.v" + CURRENT_VERSION + ".json";
}

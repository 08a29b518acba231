package io.orderflow.contracts.common;

/**
 * Stable, machine-readable error codes. Clients match on these; never rename one, only add.
 * The {@link Kind} tells the edge which HTTP status a code maps to.
 */
public enum ErrorCode {
    // malformed or invalid input
    MALFORMED_REQUEST(Kind.INVALID),
    VALIDATION_FAILED(Kind.INVALID),
    INVALID_QUANTITY(Kind.INVALID),
    INVALID_PRICE(Kind.INVALID),
    UNSUPPORTED_CURRENCY(Kind.INVALID),
    DUPLICATE_PRODUCT_IN_ORDER(Kind.INVALID),
    EMPTY_ORDER(Kind.INVALID),
    // unknown ids in the path
    ORDER_NOT_FOUND(Kind.NOT_FOUND),
    PRODUCT_NOT_FOUND(Kind.NOT_FOUND),
    READ_MODEL_NOT_FOUND(Kind.NOT_FOUND),
    REBUILD_NOT_FOUND(Kind.NOT_FOUND),
    PROCESSING_GROUP_NOT_FOUND(Kind.NOT_FOUND),
    DEAD_LETTER_NOT_FOUND(Kind.NOT_FOUND),
    STUCK_SAGA_NOT_FOUND(Kind.NOT_FOUND),
    // well-formed but refused
    UNKNOWN_PRODUCT(Kind.REFUSED),
    CURRENCY_MISMATCH(Kind.REFUSED),
    // state conflicts
    ILLEGAL_ORDER_TRANSITION(Kind.CONFLICT),
    ORDER_ALREADY_CANCELLED(Kind.CONFLICT),
    ORDER_ALREADY_SHIPPED(Kind.CONFLICT),
    ORDER_ALREADY_EXISTS(Kind.CONFLICT),
    PRODUCT_ALREADY_EXISTS(Kind.CONFLICT),
    NO_ACTIVE_RESERVATION(Kind.CONFLICT),
    // a payment result for an order that has not yet recorded that it awaits the payment: try again shortly
    PAYMENT_RESULT_AHEAD_OF_ORDER(Kind.CONFLICT),
    CONCURRENT_MODIFICATION(Kind.CONFLICT),
    REBUILD_ALREADY_RUNNING(Kind.CONFLICT),
    // protocol-level errors at the edge
    METHOD_NOT_ALLOWED(Kind.PROTOCOL),
    NOT_ACCEPTABLE(Kind.PROTOCOL),
    UNSUPPORTED_MEDIA_TYPE(Kind.PROTOCOL),
    PAYLOAD_TOO_LARGE(Kind.PROTOCOL),
    ROUTE_NOT_FOUND(Kind.NOT_FOUND),
    // the platform itself
    SERVICE_UNAVAILABLE(Kind.UNAVAILABLE),
    // the order process is too far behind to take new orders now: retry after Retry-After
    OVERLOADED(Kind.UNAVAILABLE),
    TIMEOUT(Kind.TIMEOUT),
    INTERNAL_ERROR(Kind.INTERNAL),
    // who is asking: a missing, invalid or expired token, or wrong credentials at login
    UNAUTHORIZED(Kind.UNAUTHENTICATED),
    INVALID_CREDENTIALS(Kind.UNAUTHENTICATED),
    // the caller is known but may not do this
    FORBIDDEN(Kind.FORBIDDEN),
    CUSTOMER_MISMATCH(Kind.FORBIDDEN),
    // accounts
    EMAIL_ALREADY_REGISTERED(Kind.CONFLICT),
    // Idempotency-Key: the first request with this key still runs, or the key came with another request
    IDEMPOTENCY_KEY_IN_USE(Kind.CONFLICT),
    IDEMPOTENCY_KEY_REUSED(Kind.REFUSED),
    // too many requests from one customer or address
    RATE_LIMITED(Kind.RATE_LIMITED);

    /** What sort of failure a code is; the edge maps each kind to one HTTP status. */
    public enum Kind {
        INVALID, NOT_FOUND, REFUSED, CONFLICT, PROTOCOL, UNAVAILABLE, TIMEOUT, INTERNAL,
        UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package io.orderflow.payment;

import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.platform.kafka.KafkaJson;
import io.orderflow.platform.kafka.KafkaMessage;
import io.orderflow.platform.kafka.MessageHandler;
import io.orderflow.platform.kafka.PoisonMessageException;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Handles one message of {@code payments.requests}: read it, have the processor answer it, publish the
 * answer. The subscription acknowledges the request only after the answer is published; if publishing
 * fails, the request comes again and is answered from the ledger, unchanged.
 */
final class PaymentRequestHandler implements MessageHandler {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    /** What NUMERIC(19,4) holds. */
    private static final int MAX_SCALE = 4;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1E15");

    private final PaymentProcessor processor;
    private final PaymentResults results;

    PaymentRequestHandler(PaymentProcessor processor, PaymentResults results) {
        this.processor = processor;
        this.results = results;
    }

    @Override
    public Mono<Void> handle(KafkaMessage message) {
        return Mono.fromCallable(() -> read(message))
                .flatMap(processor::process)
                .flatMap(results::publish);
    }

    /**
     * A request this service can never answer is poison: dead-lettered at once instead of retried. A later
     * version only adds fields (docs/messages.md), so it is read like this one, its new fields ignored.
     */
    static PaymentRequest read(KafkaMessage message) {
        PaymentRequest request = KafkaJson.read(message, PaymentRequest.class);
        if (request.version() < PaymentRequest.FIRST_VERSION) {
            throw new PoisonMessageException("Unknown PaymentRequest version " + request.version());
        }
        require(request.type() != null, "a type");
        require(isPresent(request.requestId()), "a requestId");
        require(isPresent(request.paymentId()), "a paymentId");
        require(isPresent(request.orderId()), "an orderId");
        require(request.currency() != null && CURRENCY_CODE.matcher(request.currency()).matches(), "a three-letter currency code");
        require(request.amount() != null && request.amount().signum() > 0 && request.amount().compareTo(MAX_AMOUNT) < 0
                && request.amount().stripTrailingZeros().scale() <= MAX_SCALE, "a positive amount with at most 4 decimals");
        return request;
    }

    private static void require(boolean valid, String what) {
        if (!valid) {
            throw new PoisonMessageException("A PaymentRequest needs " + what);
        }
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }
}

package io.orderflow.payment;

import io.orderflow.contracts.payment.PaymentResult;
import reactor.core.publisher.Mono;

/** Where answers go: {@code payments.results}, keyed by order id. */
@FunctionalInterface
interface PaymentResults {

    /** Completes once the answer is safely delivered; only then is the request done with. */
    Mono<Void> publish(PaymentResult result);
}

package io.orderflow.integration.paymentrequests;

import io.orderflow.contracts.order.OrderAwaitingPayment;
import io.orderflow.contracts.order.OrderRefundRequested;
import io.orderflow.contracts.order.PaymentVoidRequested;
import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.contracts.payment.PaymentRequestType;
import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.platform.kafka.KafkaPublisher;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Turns the order's payment events (awaiting payment, void requested, refund requested) into payment
 * requests, one for one. Runs in a tracking processor whose token advances only
 * when the handler returns, that is after Kafka acknowledged the request: a broker outage delays
 * requests, never loses them. A request sent twice is harmless (the payment service is idempotent
 * per request id). Replays never re-send.
 */
@Component
@ProcessingGroup(PaymentRequestPublisher.PROCESSING_GROUP)
@DisallowReplay
class PaymentRequestPublisher {

    static final String PROCESSING_GROUP = "payment-requests";

    private final KafkaPublisher publisher;

    PaymentRequestPublisher(KafkaPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(OrderAwaitingPayment event) {
        send(PaymentRequest.of(PaymentRequestType.CHARGE, event.paymentId().value(), event.orderId().value(),
                event.amount().amount(), event.amount().currency()));
    }

    @EventHandler
    void on(PaymentVoidRequested event) {
        send(PaymentRequest.of(PaymentRequestType.VOID, event.paymentId().value(), event.orderId().value(),
                event.amount().amount(), event.amount().currency()));
    }

    @EventHandler
    void on(OrderRefundRequested event) {
        send(PaymentRequest.of(PaymentRequestType.REFUND, event.paymentId().value(), event.orderId().value(),
                event.amount().amount(), event.amount().currency()));
    }

    private void send(PaymentRequest request) {
        publisher.sendJsonAndWait(PaymentTopics.REQUESTS, request.orderId(), request, Map.of());
    }
}

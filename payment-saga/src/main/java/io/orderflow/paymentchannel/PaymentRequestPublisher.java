package io.orderflow.paymentchannel;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.payment.ChargePaymentCommand;
import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.contracts.payment.PaymentRequestType;
import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.contracts.payment.RefundPaymentCommand;
import io.orderflow.contracts.payment.VoidPaymentCommand;
import io.orderflow.outbox.BeforeCommit;
import io.orderflow.platform.kafka.KafkaPublisher;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/**
 * The payment leg's commands become requests on {@code payments.requests}, keyed by order id. A command
 * succeeds once the broker acknowledged its request: the record is sent at once, and the unit of work that
 * handles the command (on the local command bus, the order process's whole batch) waits for the
 * acknowledgements together before it commits. A request sent twice is harmless: the payment service is
 * idempotent per request id. Whether the broker took each request tells the {@link KafkaPaymentChannel}
 * whether the payment channel is down.
 */
@Component
class PaymentRequestPublisher {

    private final KafkaPublisher publisher;
    private final KafkaPaymentChannel channel;

    PaymentRequestPublisher(KafkaPublisher publisher, KafkaPaymentChannel channel) {
        this.publisher = publisher;
        this.channel = channel;
    }

    @CommandHandler
    void handle(ChargePaymentCommand command) {
        send(PaymentRequestType.CHARGE, command.paymentId(), command.orderId(), command.amount());
    }

    @CommandHandler
    void handle(VoidPaymentCommand command) {
        send(PaymentRequestType.VOID, command.paymentId(), command.orderId(), command.amount());
    }

    @CommandHandler
    void handle(RefundPaymentCommand command) {
        send(PaymentRequestType.REFUND, command.paymentId(), command.orderId(), command.amount());
    }

    private void send(PaymentRequestType type, PaymentId paymentId, OrderId orderId, Money amount) {
        PaymentRequest request = PaymentRequest.of(type, paymentId.value(), orderId.value(), amount.amount(), amount.currency());
        CompletableFuture<Void> acknowledgement = publisher.sendJsonAsync(PaymentTopics.REQUESTS, request.orderId(), request, Map.of())
                .whenComplete((acknowledged, failure) -> {
                    if (failure == null) {
                        channel.acknowledged();
                    } else {
                        channel.failed();
                    }
                });
        BeforeCommit.await(acknowledgement);
    }
}

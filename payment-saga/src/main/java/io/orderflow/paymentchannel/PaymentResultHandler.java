package io.orderflow.paymentchannel;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.order.RecordPaymentApprovedCommand;
import io.orderflow.contracts.order.RecordPaymentDeclinedCommand;
import io.orderflow.contracts.order.RecordPaymentRefundedCommand;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.platform.kafka.KafkaJson;
import io.orderflow.platform.kafka.KafkaMessage;
import io.orderflow.platform.kafka.KafkaObservability;
import io.orderflow.platform.kafka.MessageHandler;
import io.orderflow.platform.kafka.PoisonMessageException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One payment result → one command on the order. A result that can never apply (malformed, without a
 * version, an order that does not exist, a refused transition) is poison and goes to the dead-letter
 * topic; anything else is retried: the database away, or a result that overtook the order's record that it
 * awaits the payment (the order process asks for the charge just before that record commits).
 */
class PaymentResultHandler implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentResultHandler.class);

    private final CommandGateway commandGateway;

    PaymentResultHandler(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Override
    public Mono<Void> handle(KafkaMessage message) {
        PaymentResult result = KafkaJson.read(message, PaymentResult.class);
        // a later version only adds fields (docs/messages.md): read like this one, its new fields ignored
        if (result.version() < PaymentResult.FIRST_VERSION) {
            throw new PoisonMessageException("Unsupported payment result version " + result.version());
        }
        Object command = commandFor(result);
        if (command == null) {
            return Mono.empty();
        }
        // The local command bus runs the handler (blocking JDBC) on the subscribing thread; the command is
        // dispatched in the trace of the consumed result, whose span the subscription keeps in the context.
        return Mono.deferContextual(context -> Mono.fromFuture(
                        KafkaObservability.inRecordTrace(context, () -> commandGateway.send(command))))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(PaymentResultHandler::isPermanent,
                        error -> new PoisonMessageException("Result cannot apply to order " + result.orderId() + ": " + error.getMessage(), error))
                .then();
    }

    private static Object commandFor(PaymentResult result) {
        if (result.orderId() == null || result.paymentId() == null || result.outcome() == null) {
            throw new PoisonMessageException("Payment result without order id, payment id or outcome");
        }
        OrderId orderId = OrderId.of(result.orderId());
        PaymentId paymentId = PaymentId.of(result.paymentId());
        return switch (result.outcome()) {
            case APPROVED -> new RecordPaymentApprovedCommand(orderId, paymentId);
            case DECLINED -> new RecordPaymentDeclinedCommand(orderId, paymentId, result.reason());
            case REFUNDED -> new RecordPaymentRefundedCommand(orderId, paymentId, refunded(result));
            case VOIDED -> {
                log.debug("Payment {} of order {} voided before it was charged", paymentId, orderId);
                yield null;
            }
        };
    }

    private static Money refunded(PaymentResult result) {
        if (result.amount() == null || result.currency() == null) {
            throw new PoisonMessageException("Refund result without amount");
        }
        return new Money(result.amount(), result.currency());
    }

    private static boolean isPermanent(Throwable error) {
        return error instanceof BusinessRuleViolation violation && violation.code() != ErrorCode.PAYMENT_RESULT_AHEAD_OF_ORDER
                || error instanceof AggregateNotFoundException;
    }
}

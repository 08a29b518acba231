package io.orderflow.integration.paymentresults;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.order.RecordPaymentApprovedCommand;
import io.orderflow.contracts.order.RecordPaymentDeclinedCommand;
import io.orderflow.contracts.order.RecordPaymentRefundedCommand;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.platform.kafka.BatchMessageHandler;
import io.orderflow.platform.kafka.KafkaJson;
import io.orderflow.platform.kafka.KafkaMessage;
import io.orderflow.platform.kafka.KafkaObservability;
import io.orderflow.platform.kafka.PoisonMessageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One payment result → one command on the order. A result that can never apply (malformed, unknown
 * version, an order that does not exist, a refused transition) is poison and goes to the dead-letter
 * topic; anything else is retried: the database away, or a result that overtook the order's record that it
 * awaits the payment (the order process asks for the charge just before that record commits).
 *
 * <p>The results of one poll are recorded together: their commands run in one unit of work and one
 * transaction (with the local command bus, each command's unit of work is nested in it, and its events are
 * appended when it commits), each in its own result's trace. Should one fail, none is kept, and the
 * subscription hands them over one by one, each in a transaction of its own.
 */
class PaymentResultHandler implements BatchMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentResultHandler.class);

    private final CommandGateway commandGateway;
    private final TransactionManager transactionManager;

    PaymentResultHandler(CommandGateway commandGateway, TransactionManager transactionManager) {
        this.commandGateway = commandGateway;
        this.transactionManager = transactionManager;
    }

    @Override
    public Mono<Void> handleAll(List<KafkaMessage> messages) {
        return Mono.deferContextual(context -> Mono.fromRunnable(() -> {
                    Map<KafkaMessage, Object> commands = new LinkedHashMap<>();
                    messages.forEach(message -> {
                        Object command = commandFor(read(message));
                        if (command != null) {
                            commands.put(message, command);
                        }
                    });
                    if (commands.isEmpty()) {
                        return;
                    }
                    UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
                    batch.attachTransaction(transactionManager);
                    batch.execute(() -> commands.forEach((message, command) -> KafkaObservability.inRecordTrace(context, message,
                            () -> commandGateway.sendAndWait(command)).get()));
                }))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    @Override
    public Mono<Void> handle(KafkaMessage message) {
        PaymentResult result = read(message);
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

    private static PaymentResult read(KafkaMessage message) {
        PaymentResult result = KafkaJson.read(message, PaymentResult.class);
        if (result.version() != PaymentResult.CURRENT_VERSION) {
            throw new PoisonMessageException("Unsupported payment result version " + result.version());
        }
        return result;
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

package io.orderflow.paymentchannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.order.RecordPaymentApprovedCommand;
import io.orderflow.contracts.order.RecordPaymentDeclinedCommand;
import io.orderflow.contracts.order.RecordPaymentRefundedCommand;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.contracts.payment.PaymentTopics;
import io.orderflow.platform.kafka.KafkaMessage;
import io.orderflow.platform.kafka.MessageHandler;
import io.orderflow.platform.kafka.PoisonMessageException;
import io.orderflow.testsupport.contracts.ContractExamples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payment results of every version become the same commands on the order: version 1 as its producers wrote it
 * (the examples of its schema), and a later version with fields this reader does not know. The commands go
 * through Axon's own command bus to handlers that only record them.
 */
class PaymentResultHandlerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String ORDER = "5d1c2f7e-1b7a-4d2e-9a55-0c3e6f1a2b3c";
    private static final String ORDER_IN_YEN = "8a0e4b1c-6f3d-4c2a-b7e9-2d5f8c1a0e4b";

    private final List<Object> commands = new CopyOnWriteArrayList<>();
    private MessageHandler handler;

    @BeforeEach
    void orderSide() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        List.of(RecordPaymentApprovedCommand.class, RecordPaymentDeclinedCommand.class, RecordPaymentRefundedCommand.class)
                .forEach(type -> bus.subscribe(type.getName(), command -> {
                    commands.add(command.getPayload());
                    return null;
                }));
        handler = PaymentResults.handler(DefaultCommandGateway.builder().commandBus(bus).build());
    }

    @Test
    void recordsEveryResultAsVersion1ProducersWroteIt() {
        ContractExamples.of(PaymentResult.SCHEMA).forEach(this::handle);

        assertThat(commands).containsExactlyElementsOf(commandsForTheExamples());
    }

    @Test
    void recordsAResultOfALaterVersionAsItsVersion1FieldsSayAndIgnoresTheRest() {
        ContractExamples.of(PaymentResult.SCHEMA).stream().map(ContractExamples::asLaterVersion).forEach(this::handle);

        assertThat(commands).containsExactlyElementsOf(commandsForTheExamples());
    }

    @Test
    void refusesAResultWithoutAVersionAsPoison() {
        String example = ContractExamples.of(PaymentResult.SCHEMA).get(0);
        String withoutVersion = example.replace("\"version\":1,", "");

        assertThat(withoutVersion).isNotEqualTo(example);
        assertThatThrownBy(() -> handle(withoutVersion)).isInstanceOf(PoisonMessageException.class);
        assertThat(commands).isEmpty();
    }

    /** APPROVED, DECLINED, VOIDED (nothing to record), REFUNDED, and an APPROVED in yen. */
    private static List<Object> commandsForTheExamples() {
        OrderId order = OrderId.of(ORDER);
        PaymentId payment = PaymentId.of(ORDER + ":payment");
        OrderId orderInYen = OrderId.of(ORDER_IN_YEN);
        return List.of(
                new RecordPaymentApprovedCommand(order, payment),
                new RecordPaymentDeclinedCommand(order, payment, "INSUFFICIENT_FUNDS"),
                new RecordPaymentRefundedCommand(order, payment, Money.of("105.00", "EUR")),
                new RecordPaymentApprovedCommand(orderInYen, PaymentId.of(ORDER_IN_YEN + ":payment")));
    }

    private void handle(String value) {
        String orderId = ContractExamples.tree(value).get("orderId").asText();
        handler.handle(new KafkaMessage(PaymentTopics.RESULTS, 0, 0, orderId, value.getBytes(StandardCharsets.UTF_8), Map.of()))
                .block(TIMEOUT);
    }
}

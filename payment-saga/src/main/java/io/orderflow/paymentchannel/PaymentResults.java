package io.orderflow.paymentchannel;

import io.orderflow.platform.kafka.MessageHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Entry point of the package: the handler that records payment results on orders. */
public final class PaymentResults {

    private PaymentResults() {
    }

    public static MessageHandler handler(CommandGateway commandGateway) {
        return new PaymentResultHandler(commandGateway);
    }
}

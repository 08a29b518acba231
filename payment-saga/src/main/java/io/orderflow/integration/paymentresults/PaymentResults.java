package io.orderflow.integration.paymentresults;

import io.orderflow.platform.kafka.MessageHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;

/** Entry point of the package: the handler that records payment results on orders. */
public final class PaymentResults {

    private PaymentResults() {
    }

    /** Records each poll's results in one transaction of {@code transactionManager}, each alone should that fail. */
    public static MessageHandler handler(CommandGateway commandGateway, TransactionManager transactionManager) {
        return new PaymentResultHandler(commandGateway, transactionManager);
    }
}

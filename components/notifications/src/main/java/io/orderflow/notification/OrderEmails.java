package io.orderflow.notification;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.contracts.order.CancellationReason;
import java.util.Arrays;
import java.util.Optional;

/** The text of the e-mail a customer receives for each step of their order's life. */
final class OrderEmails {

    record Email(String subject, String body) {
    }

    private OrderEmails() {
    }

    /** The e-mail for an event of the given kind; the caller has checked that the event names what the text needs. */
    static Email compose(NotificationKind kind, OrderLifecycleEvent event) {
        String order = event.orderId();
        return switch (kind) {
            case ORDER_PLACED -> new Email(
                    "We have received your order " + order,
                    "Thank you for your order " + order + totalOf(event)
                            + ". We will write again as soon as it is confirmed.");
            case ORDER_CONFIRMED -> new Email(
                    "Your order " + order + " is confirmed",
                    "Good news: your order " + order + " is confirmed and we are getting it ready."
                            + " We will write again when it ships.");
            case ORDER_CANCELLED -> new Email(
                    "Your order " + order + " has been cancelled",
                    "We have cancelled your order " + order
                            + reasonInWords(event.cancellationReason()).map(reason -> " because " + reason).orElse("")
                            + ".");
            case ORDER_SHIPPED -> new Email(
                    "Your order " + order + " is on its way",
                    "Your order " + order + " has left our warehouse and is on its way to you.");
            case ORDER_DELIVERED -> new Email(
                    "Your order " + order + " has been delivered",
                    "Your order " + order + " has been delivered. We hope you enjoy it.");
            case PAYMENT_REFUNDED -> new Email(
                    "Your refund for order " + order,
                    "We have refunded " + money(event) + " for your order " + order
                            + ". It may take a few days to show on your statement.");
        };
    }

    /**
     * Why the order was cancelled, as the customer reads it after "because". Empty when the reason is
     * missing or newer than this module: the e-mail then says only that the order was cancelled.
     */
    static Optional<String> reasonInWords(String cancellationReason) {
        return Arrays.stream(CancellationReason.values())
                .filter(reason -> reason.name().equals(cancellationReason))
                .findFirst()
                .map(reason -> switch (reason) {
                    case PAYMENT_DECLINED -> "your payment was declined";
                    case OUT_OF_STOCK -> "an item is out of stock";
                    case PAYMENT_TIMEOUT -> "your payment did not arrive in time";
                    case CUSTOMER_REQUEST -> "you asked us to";
                });
    }

    private static String totalOf(OrderLifecycleEvent event) {
        return event.amount() == null ? "" : " of " + money(event);
    }

    /** Shown at the currency's own scale, as {@link Money} holds it: 12.50 EUR, 1250 JPY. */
    private static String money(OrderLifecycleEvent event) {
        Money money = new Money(event.amount(), event.currency());
        return money.amount().toPlainString() + " " + money.currency();
    }
}

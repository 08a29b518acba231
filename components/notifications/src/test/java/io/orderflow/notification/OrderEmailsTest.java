package io.orderflow.notification;

import static io.orderflow.notification.AnOrder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.order.CancellationReason;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderEmailsTest {

    private final AnOrder order = anOrder();

    @Nested
    class Cancellation {

        @ParameterizedTest
        @CsvSource({
                "PAYMENT_DECLINED, your payment was declined",
                "OUT_OF_STOCK,     an item is out of stock",
                "PAYMENT_TIMEOUT,  your payment did not arrive in time",
                "CUSTOMER_REQUEST, you asked us to"})
        void namesTheReasonInWords(CancellationReason reason, String words) {
            OrderEmails.Email email = OrderEmails.compose(NotificationKind.ORDER_CANCELLED, order.cancelled(reason));

            assertThat(email.subject()).isEqualTo("Your order " + order.id() + " has been cancelled");
            assertThat(email.body()).isEqualTo("We have cancelled your order " + order.id() + " because " + words + ".");
        }

        @ParameterizedTest
        @EnumSource(CancellationReason.class)
        void hasWordsForEveryReasonAnOrderCanBeCancelledFor(CancellationReason reason) {
            assertThat(OrderEmails.reasonInWords(reason.name())).isPresent();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"FRAUD_SUSPECTED", "payment_declined"})
        void onlySaysTheOrderWasCancelledWhenTheReasonIsMissingOrNewerThanThisModule(String reason) {
            OrderEmails.Email email = OrderEmails.compose(NotificationKind.ORDER_CANCELLED, order.cancelled(reason));

            assertThat(email.body()).isEqualTo("We have cancelled your order " + order.id() + ".");
        }
    }

    @Nested
    class Refund {

        @ParameterizedTest
        @CsvSource({
                "68.14, EUR, 68.14 EUR",
                "12.5,  EUR, 12.50 EUR",
                "1250,  JPY, 1250 JPY"})
        void namesTheAmountAtTheScaleOfItsCurrency(String amount, String currency, String shown) {
            OrderEmails.Email email = OrderEmails.compose(NotificationKind.PAYMENT_REFUNDED, order.refunded(amount, currency));

            assertThat(email.subject()).isEqualTo("Your refund for order " + order.id());
            assertThat(email.body()).isEqualTo("We have refunded " + shown + " for your order " + order.id()
                    + ". It may take a few days to show on your statement.");
        }
    }

    @Nested
    class EventTypes {

        @Test
        void knowsAKindForEveryCustomerFacingEventType() {
            assertThat(Stream.of("OrderPlaced", "OrderConfirmed", "OrderCancelled", "OrderShipped", "OrderDelivered",
                    "OrderPaymentRefunded").map(NotificationKind::ofEventType).flatMap(Optional::stream))
                    .containsExactly(NotificationKind.values());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"OrderGiftWrapped", "OrderAwaitingPayment", "orderplaced"})
        void knowsNoKindForOtherTypes(String type) {
            assertThat(NotificationKind.ofEventType(type)).isEmpty();
        }
    }
}

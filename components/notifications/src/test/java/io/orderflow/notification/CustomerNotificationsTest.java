package io.orderflow.notification;

import static io.orderflow.notification.AnOrder.anOrder;
import static io.orderflow.notification.AnOrder.anOrderOf;
import static io.orderflow.notification.AnOrder.inVersion;
import static io.orderflow.notification.NotificationKind.ORDER_CANCELLED;
import static io.orderflow.notification.NotificationKind.ORDER_CONFIRMED;
import static io.orderflow.notification.NotificationKind.ORDER_DELIVERED;
import static io.orderflow.notification.NotificationKind.ORDER_PLACED;
import static io.orderflow.notification.NotificationKind.ORDER_SHIPPED;
import static io.orderflow.notification.NotificationKind.PAYMENT_REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.platform.kafka.KafkaJson;
import io.orderflow.platform.kafka.KafkaSettings;
import io.orderflow.platform.kafka.KafkaSubscription;
import io.orderflow.platform.kafka.PoisonMessageException;
import io.orderflow.testsupport.contracts.ContractExamples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The module as deployed: events published on the real broker, e-mails read back from the real database. */
@SpringBootTest
class CustomerNotificationsTest {

    @Autowired
    NotificationLog notifications;
    @Autowired
    KafkaSettings kafkaSettings;

    OrderEventsTopic orderEvents;

    @BeforeEach
    void connectToOrderEvents() {
        orderEvents = new OrderEventsTopic(kafkaSettings);
    }

    @AfterEach
    void disconnect() {
        orderEvents.close();
    }

    @Nested
    class FollowingAnOrder {

        @Test
        void sendsOneEmailForEachStepOfADeliveredOrder() {
            AnOrder order = anOrder();

            orderEvents.publish(order.placed(), order.confirmed(), order.shipped(), order.delivered());

            String id = order.id();
            assertThat(notificationsAbout(order, 4))
                    .extracting(Notification::kind, Notification::subject, Notification::body)
                    .containsExactly(
                            tuple(ORDER_PLACED, "We have received your order " + id,
                                    "Thank you for your order " + id + " of 68.14 EUR."
                                            + " We will write again as soon as it is confirmed."),
                            tuple(ORDER_CONFIRMED, "Your order " + id + " is confirmed",
                                    "Good news: your order " + id + " is confirmed and we are getting it ready."
                                            + " We will write again when it ships."),
                            tuple(ORDER_SHIPPED, "Your order " + id + " is on its way",
                                    "Your order " + id + " has left our warehouse and is on its way to you."),
                            tuple(ORDER_DELIVERED, "Your order " + id + " has been delivered",
                                    "Your order " + id + " has been delivered. We hope you enjoy it."));
        }

        @Test
        void sendsOneEmailForEachStepOfAnOrderCancelledAfterPaymentAndRefunded() {
            AnOrder order = anOrder();

            orderEvents.publish(order.placed(), order.confirmed(),
                    order.cancelled(CancellationReason.CUSTOMER_REQUEST), order.refunded(AnOrder.TOTAL, "EUR"));

            String id = order.id();
            assertThat(notificationsAbout(order, 4))
                    .extracting(Notification::kind, Notification::subject, Notification::body)
                    .containsExactly(
                            tuple(ORDER_PLACED, "We have received your order " + id,
                                    "Thank you for your order " + id + " of 68.14 EUR."
                                            + " We will write again as soon as it is confirmed."),
                            tuple(ORDER_CONFIRMED, "Your order " + id + " is confirmed",
                                    "Good news: your order " + id + " is confirmed and we are getting it ready."
                                            + " We will write again when it ships."),
                            tuple(ORDER_CANCELLED, "Your order " + id + " has been cancelled",
                                    "We have cancelled your order " + id + " because you asked us to."),
                            tuple(PAYMENT_REFUNDED, "Your refund for order " + id,
                                    "We have refunded 68.14 EUR for your order " + id
                                            + ". It may take a few days to show on your statement."));
        }

        @Test
        void addressesEachEmailToTheCustomerWhoPlacedTheOrderAndKeepsTheEventThatCausedIt() {
            AnOrder order = anOrder();
            OrderLifecycleEvent placed = order.placed();

            orderEvents.publish(placed);

            Notification notification = notificationsAbout(order, 1).get(0);
            assertThat(notification.customerId()).isEqualTo(order.customerId());
            assertThat(notification.orderId()).isEqualTo(order.orderId());
            assertThat(notification.eventId()).isEqualTo(placed.eventId());
            assertThat(notification.createdAt()).isNotNull();
        }

        @Test
        void showsACustomerTheEmailsAboutAllTheirOrdersNewestFirst() {
            CustomerId customer = CustomerId.random();
            AnOrder first = anOrderOf(customer);
            AnOrder second = anOrderOf(customer);

            orderEvents.publish(first.placed());
            notificationsAbout(first, 1);
            orderEvents.publish(second.placed());
            notificationsAbout(second, 1);
            orderEvents.publish(first.confirmed());
            notificationsAbout(first, 2);

            assertThat(notifications.forCustomer(customer))
                    .extracting(Notification::orderId, Notification::kind)
                    .containsExactly(
                            tuple(first.orderId(), ORDER_CONFIRMED),
                            tuple(second.orderId(), ORDER_PLACED),
                            tuple(first.orderId(), ORDER_PLACED));
        }

        @Test
        void countsEveryEmailRecorded() {
            AnOrder order = anOrder();
            long before = notifications.count();

            orderEvents.publish(order.placed(), order.confirmed());

            notificationsAbout(order, 2);
            assertThat(notifications.count()).isEqualTo(before + 2);
        }
    }

    @Nested
    class Redelivery {

        @Test
        void sendsOneEmailForAnEventPublishedTwice() {
            AnOrder order = anOrder();
            OrderLifecycleEvent placed = order.placed();
            OrderLifecycleEvent confirmed = order.confirmed();

            // The confirmation follows on the same partition: by the time it is recorded, both copies were handled.
            orderEvents.publish(placed, placed, confirmed);

            assertThat(notificationsAbout(order, 2))
                    .extracting(Notification::eventId)
                    .containsExactly(placed.eventId(), confirmed.eventId());
            assertThat(orderEvents.deadLettersOf(order.id())).as("the copy is no failure either").isEmpty();
        }
    }

    @Nested
    class MessagesItCannotUse {

        @Test
        void ignoresAnEventTypeItDoesNotKnowAndHandlesTheNextMessage() {
            AnOrder order = anOrder();

            orderEvents.publish(order.ofType("OrderGiftWrapped"), order.placed());

            assertThat(notificationsAbout(order, 1)).extracting(Notification::kind).containsExactly(ORDER_PLACED);
            assertThat(orderEvents.deadLettersOf(order.id())).isEmpty();
        }

        @Test
        void deadLettersMalformedJsonAndHandlesTheNextMessage() {
            AnOrder order = anOrder();
            String malformed = "{\"version\":1,\"eventId\":\"" + order.id() + "-broken\",\"type\":\"OrderPl";

            orderEvents.publishRaw(order.id(), malformed);
            orderEvents.publish(order.placed());

            assertThat(notificationsAbout(order, 1)).extracting(Notification::kind).containsExactly(ORDER_PLACED);
            List<ConsumerRecord<String, byte[]>> deadLetters = orderEvents.deadLettersOf(order.id());
            assertThat(deadLetters).hasSize(1);
            assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(malformed);
            assertThat(header(deadLetters.get(0), KafkaSubscription.HEADER_ERROR_CLASS))
                    .isEqualTo(PoisonMessageException.class.getName());
            assertThat(header(deadLetters.get(0), KafkaSubscription.HEADER_ATTEMPTS)).isEqualTo("1");
        }

        @Test
        void deadLettersAnEventWithoutAVersionAndHandlesTheNextMessage() {
            AnOrder order = anOrder();

            orderEvents.publish(inVersion(0, order.placed()), order.confirmed());

            assertThat(notificationsAbout(order, 1)).extracting(Notification::kind).containsExactly(ORDER_CONFIRMED);
            List<ConsumerRecord<String, byte[]>> deadLetters = orderEvents.deadLettersOf(order.id());
            assertThat(deadLetters).hasSize(1);
            assertThat(header(deadLetters.get(0), KafkaSubscription.HEADER_ERROR_MESSAGE)).contains("version 0");
        }

        @Test
        void deadLettersARefundThatDoesNotSayHowMuchAndHandlesTheNextMessage() {
            AnOrder order = anOrder();
            OrderLifecycleEvent refund = order.refunded("10.00", "EUR");
            OrderLifecycleEvent withoutAmount = new OrderLifecycleEvent(refund.version(), refund.eventId(),
                    refund.type(), refund.orderId(), refund.customerId(), refund.status(), null, null, null,
                    refund.occurredAt());

            orderEvents.publish(withoutAmount, order.delivered());

            assertThat(notificationsAbout(order, 1)).extracting(Notification::kind).containsExactly(ORDER_DELIVERED);
            assertThat(orderEvents.deadLettersOf(order.id())).hasSize(1);
        }
    }

    @Nested
    class AcrossVersions {

        @Test
        void sendsTheEmailsOfEveryEventAsVersion1ProducersWroteIt() {
            List<String> examples = ContractExamples.of(OrderLifecycleEvent.SCHEMA);
            examples.forEach(example -> orderEvents.publishRaw(ContractExamples.tree(example).get("orderId").asText(), example));

            // the examples are two orders: one placed, confirmed, shipped and delivered; one cancelled and refunded
            AnOrder delivered = exampleOrder(examples, "OrderDelivered");
            AnOrder refunded = exampleOrder(examples, "OrderPaymentRefunded");
            assertThat(notificationsAbout(delivered, 4)).extracting(Notification::kind)
                    .containsExactly(ORDER_PLACED, ORDER_CONFIRMED, ORDER_SHIPPED, ORDER_DELIVERED);
            assertThat(notificationsAbout(delivered, 4).get(0).body()).contains(" of 105.00 EUR.");
            assertThat(notificationsAbout(refunded, 2)).extracting(Notification::kind).containsExactly(ORDER_CANCELLED, PAYMENT_REFUNDED);
            assertThat(notificationsAbout(refunded, 2).get(1).body()).contains("We have refunded 3000 JPY");
            assertThat(orderEvents.deadLettersOf(delivered.id())).isEmpty();
            assertThat(orderEvents.deadLettersOf(refunded.id())).isEmpty();
        }

        @Test
        void sendsTheEmailOfAnEventOfALaterVersionAndIgnoresWhatItDoesNotKnow() {
            AnOrder order = anOrder();
            String version1 = new String(KafkaJson.write(order.placed()), StandardCharsets.UTF_8);

            orderEvents.publishRaw(order.id(), ContractExamples.asLaterVersion(version1));

            assertThat(notificationsAbout(order, 1)).extracting(Notification::kind, Notification::body)
                    .containsExactly(tuple(ORDER_PLACED, "Thank you for your order " + order.id() + " of 68.14 EUR."
                            + " We will write again as soon as it is confirmed."));
            assertThat(orderEvents.deadLettersOf(order.id())).isEmpty();
        }

        private static AnOrder exampleOrder(List<String> examples, String type) {
            JsonNode event = examples.stream().map(ContractExamples::tree)
                    .filter(example -> type.equals(example.get("type").asText())).findFirst().orElseThrow();
            return new AnOrder(OrderId.of(event.get("orderId").asText()), CustomerId.of(event.get("customerId").asText()));
        }
    }

    /** Waits until the order has at least that many e-mails and answers all it has, oldest first. */
    private List<Notification> notificationsAbout(AnOrder order, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications.forOrder(order.orderId()), found -> found.size() >= count);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

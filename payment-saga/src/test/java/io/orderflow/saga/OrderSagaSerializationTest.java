package io.orderflow.saga;

import static io.orderflow.contracts.order.CancellationReason.PAYMENT_DECLINED;
import static io.orderflow.contracts.order.CancellationReason.PAYMENT_TIMEOUT;
import static io.orderflow.saga.OrderSagaFixtures.ORDER;
import static io.orderflow.saga.OrderSagaFixtures.PAYMENT;
import static io.orderflow.saga.OrderSagaFixtures.PAYMENT_WAIT;
import static io.orderflow.saga.OrderSagaFixtures.PRODUCT_1;
import static io.orderflow.saga.OrderSagaFixtures.PRODUCT_2;
import static io.orderflow.saga.OrderSagaFixtures.PRODUCT_3;
import static io.orderflow.saga.OrderSagaFixtures.aDeadlineNamed;
import static io.orderflow.saga.OrderSagaFixtures.aThreeLineOrderPlaced;
import static io.orderflow.saga.OrderSagaFixtures.anOrderSagaFixture;
import static io.orderflow.saga.OrderSagaFixtures.cancelOrder;
import static io.orderflow.saga.OrderSagaFixtures.chargePayment;
import static io.orderflow.saga.OrderSagaFixtures.commitStock;
import static io.orderflow.saga.OrderSagaFixtures.given;
import static io.orderflow.saga.OrderSagaFixtures.historyUntil;
import static io.orderflow.saga.OrderSagaFixtures.markAwaitingPayment;
import static io.orderflow.saga.OrderSagaFixtures.orderCancelled;
import static io.orderflow.saga.OrderSagaFixtures.orderConfirmed;
import static io.orderflow.saga.OrderSagaFixtures.orderShipped;
import static io.orderflow.saga.OrderSagaFixtures.paymentDeclined;
import static io.orderflow.saga.OrderSagaFixtures.releaseStock;
import static io.orderflow.saga.OrderSagaFixtures.stockReserved;
import static io.orderflow.saga.OrderSagaFixtures.voidPayment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.saga.OrderSagaFixtures.Stage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.modelling.saga.ResourceInjector;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The saga store writes a saga with Jackson 2, field by field; a saga read back must go on exactly as the original. */
class OrderSagaSerializationTest {

    /** Configured like the platform's serializer for sagas. */
    private static final ObjectMapper SAGA_MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
            .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final String[] RESOURCES = {"commands", "deadlineManager", "settings", "paymentChannel"};

    @Test
    void storesItsStateAndNoneOfItsResources() throws IOException {
        JsonNode stored = SAGA_MAPPER.readTree(SAGA_MAPPER.writeValueAsBytes(sagaAfter(
                historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))));

        assertThat(stored.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "orderId", "total", "lines", "step", "paymentId", "paymentDeadlineId", "placedAt", "paymentMaxWaitId");
        assertThat(stored.get("orderId").asText()).isEqualTo(ORDER.value());
        assertThat(stored.get("lines").get(0).get("productId").asText()).isEqualTo(PRODUCT_1.value());
        assertThat(stored.get("paymentId").asText()).isEqualTo(PAYMENT.value());
        assertThat(stored.get("paymentDeadlineId").asText()).isNotBlank();
    }

    @Test
    void readsBackASagaWaitingForAReservationUnchanged() {
        assertReadsBackUnchanged(sagaAfter(List.of(aThreeLineOrderPlaced(), stockReserved(PRODUCT_1))));
    }

    @Test
    void readsBackASagaWaitingForPaymentUnchanged() {
        assertReadsBackUnchanged(sagaAfter(historyUntil(Stage.RESERVED, aThreeLineOrderPlaced())));
    }

    @Test
    void readsBackASagaCancellingAnOrderUnchanged() {
        assertReadsBackUnchanged(sagaAfter(historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()), paymentDeclined("card expired")));
    }

    @Test
    void readsBackASagaWaitingForShippingUnchanged() {
        assertReadsBackUnchanged(sagaAfter(historyUntil(Stage.CONFIRMED, aThreeLineOrderPlaced())));
    }

    /** Every message is handled by a saga read back from the JSON the previous message left behind, as with a saga store. */
    @Nested
    class ASagaReadBackFromItsStoredForm {

        private final AtomicInteger readBacks = new AtomicInteger();
        private final SagaTestFixture<OrderSaga> fixture = anOrderSagaFixture();

        ASagaReadBackFromItsStoredForm() {
            fixture.registerResourceInjector(readBackFromJson(readBacks));
        }

        @Test
        void chargesOnceTheLastLineItWaitedForIsReserved() {
            OrderPlaced order = aThreeLineOrderPlaced();
            fixture.givenAPublished(order)
                    .andThenAPublished(stockReserved(PRODUCT_1))
                    .andThenAPublished(stockReserved(PRODUCT_2))
                    .whenPublishingA(stockReserved(PRODUCT_3))
                    .expectDispatchedCommands(chargePayment(order), markAwaitingPayment());

            assertThat(readBacks).as("the saga was read back for every message").hasValueGreaterThanOrEqualTo(3);
        }

        @Test
        void cancelsThePaymentDeadlineItScheduledBeforeItWasStored() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenPublishingA(paymentDeclined("card expired"))
                    .expectNoScheduledDeadlineMatching(aDeadlineNamed(OrderSaga.PAYMENT_DEADLINE));
        }

        @Test
        void asksToCancelTheOrderWhenThePaymentDeadlinePasses() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenTimeElapses(PAYMENT_WAIT)
                    .expectDispatchedCommands(cancelOrder(PAYMENT_TIMEOUT, "no payment result within 30 s"));
        }

        @Test
        void voidsThePaymentItAskedForWhenTheOrderIsCancelled() {
            OrderPlaced order = aThreeLineOrderPlaced();
            given(fixture, historyUntil(Stage.RESERVED, order))
                    .andThenAPublished(paymentDeclined("card expired"))
                    .whenPublishingA(orderCancelled(PAYMENT_DECLINED, "card expired", OrderStatus.AWAITING_PAYMENT))
                    .expectDispatchedCommands(releaseStock(PRODUCT_1), releaseStock(PRODUCT_2), releaseStock(PRODUCT_3),
                            voidPayment(order));
        }

        @Test
        void commitsTheLinesItReserved() {
            given(fixture, historyUntil(Stage.RESERVED, aThreeLineOrderPlaced()))
                    .whenPublishingA(orderConfirmed())
                    .expectDispatchedCommands(commitStock(PRODUCT_1), commitStock(PRODUCT_2), commitStock(PRODUCT_3));
        }

        @Test
        void endsWhenTheOrderShips() {
            given(fixture, historyUntil(Stage.CONFIRMED, aThreeLineOrderPlaced()))
                    .whenPublishingA(orderShipped())
                    .expectActiveSagas(0);
        }
    }

    private static void assertReadsBackUnchanged(OrderSaga original) {
        byte[] stored = write(original);
        OrderSaga readBack = read(stored);

        assertThat(readBack).usingRecursiveComparison().ignoringFields(RESOURCES).isEqualTo(original);
        assertThat(new String(write(readBack))).isEqualTo(new String(stored));
    }

    /** The saga as it stands after {@code history}, captured from a fixture. */
    private static OrderSaga sagaAfter(List<?> history, Object... more) {
        AtomicReference<OrderSaga> live = new AtomicReference<>();
        SagaTestFixture<OrderSaga> fixture = anOrderSagaFixture();
        fixture.registerResourceInjector(saga -> live.set((OrderSaga) saga));
        List<Object> all = new java.util.ArrayList<>(history);
        all.addAll(List.of(more));
        given(fixture, all.subList(0, all.size() - 1)).whenPublishingA(all.get(all.size() - 1));
        return live.get();
    }

    /** Replaces a saga's state by what reading its JSON gives back, as loading it from the saga store would. */
    private static ResourceInjector readBackFromJson(AtomicInteger readBacks) {
        return saga -> {
            OrderSaga readBack = read(write((OrderSaga) saga));
            for (Field field : OrderSaga.class.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(saga, field.get(readBack));
                } catch (IllegalAccessException e) {
                    throw new AssertionError("cannot restore field " + field.getName(), e);
                }
            }
            readBacks.incrementAndGet();
        };
    }

    private static byte[] write(OrderSaga saga) {
        try {
            return SAGA_MAPPER.writeValueAsBytes(saga);
        } catch (IOException e) {
            throw new AssertionError("the saga cannot be stored", e);
        }
    }

    private static OrderSaga read(byte[] stored) {
        try {
            return SAGA_MAPPER.readValue(stored, OrderSaga.class);
        } catch (IOException e) {
            throw new AssertionError("the stored saga cannot be read back", e);
        }
    }
}

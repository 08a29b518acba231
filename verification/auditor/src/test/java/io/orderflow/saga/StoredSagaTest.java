package io.orderflow.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.auditor.storedforms.StoredForms;
import io.orderflow.auditor.storedforms.StoredForms.StoredEvent;
import io.orderflow.auditor.storedforms.StoredForms.StoredSaga;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.inventory.ReturnStockCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.payment.RefundPaymentCommand;
import io.orderflow.platform.axon.Serializers;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.saga.WhenState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The order process of every order of the golden fixtures, fed its events read through today's upcasters, is the
 * process the same history written by today's code gives; and the saga entry stored then loads with today's
 * serializer and goes on as that process does.
 */
class StoredSagaTest {

    private static final List<String> GENERATIONS = StoredForms.GENERATIONS;
    private static final String[] RESOURCES = {"commands", "deadlineManager", "settings", "paymentChannel"};
    /** A deadline's id is drawn at random when it is scheduled; when the order was placed is the fixture's clock. */
    private static final String[] DRAWN = {"paymentDeadlineId", "placedAt"};

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void everyStoredOrderProcessHasTheStateOfTheSameHistoryWrittenToday(String generation) {
        StoredForms forms = StoredForms.of(generation);
        for (String orderId : forms.orders().values()) {
            List<StoredEvent> rows = forms.eventsConcerningOrder(orderId);
            OrderSaga today = sagaAfter(StoredForms.readAsWrittenToday(rows));

            assertThat(sagaAfter(StoredForms.readAsStored(rows))).as(orderId)
                    .usingRecursiveComparison().ignoringFields(RESOURCES).ignoringFields(DRAWN).isEqualTo(today);
            assertThat(sagaAfter(StoredForms.readMixed(rows, rows.size() / 2))).as(orderId + ", half stored")
                    .usingRecursiveComparison().ignoringFields(RESOURCES).ignoringFields(DRAWN).isEqualTo(today);
        }
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void theStoredSagaEntryLoadsIntoTheStateOfItsEvents(String generation) {
        StoredForms forms = StoredForms.of(generation);
        StoredSaga entry = onlySaga(forms);
        String orderId = forms.orders().get("confirmed");

        OrderSaga loaded = load(entry);
        assertThat(loaded).usingRecursiveComparison().ignoringFields(RESOURCES).ignoringFields("placedAt")
                .isEqualTo(sagaAfter(StoredForms.readAsStored(forms.eventsConcerningOrder(orderId))));
        if (generation.equals("unrevisioned")) {
            // stored before the saga kept when its order was placed: its payment max wait counts from its first extension
            assertThat(loaded).extracting("placedAt").isNull();
        }
        assertThat(entry.associations()).contains(orderId);
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void theStoredSagaEntryEndsWhenItsOrderShips(String generation) {
        StoredForms forms = StoredForms.of(generation);
        OrderId order = OrderId.of(forms.orders().get("confirmed"));

        givenTheStoredSaga(forms).whenPublishingA(new OrderShipped(order)).expectActiveSagas(0).expectNoDispatchedCommands();
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void theStoredSagaEntryGivesBackStockAndMoneyWhenItsConfirmedOrderIsCancelled(String generation) {
        StoredForms forms = StoredForms.of(generation);
        OrderSaga stored = load(onlySaga(forms));
        OrderId order = OrderId.of(forms.orders().get("confirmed"));
        List<Object> expected = new java.util.ArrayList<>();
        for (OrderSaga.Line line : linesOf(stored)) {
            expected.add(new ReturnStockCommand(line.productId(), order, line.quantity()));
        }
        expected.add(new RefundPaymentCommand(PaymentId.forOrder(order), order, Money.of("104.70", "EUR")));

        givenTheStoredSaga(forms)
                .whenPublishingA(new OrderCancelled(order, CancellationReason.CUSTOMER_REQUEST, "changed my mind", OrderStatus.CONFIRMED))
                .expectDispatchedCommands(expected.toArray());
    }

    /** A fixture whose saga for the confirmed order has, before every message, the state of the stored entry. */
    private static WhenState givenTheStoredSaga(StoredForms forms) {
        StoredSaga entry = onlySaga(forms);
        SagaTestFixture<OrderSaga> fixture = anOrderSagaFixture();
        fixture.registerResourceInjector(saga -> copyState(load(entry), (OrderSaga) saga));
        List<DomainEventMessage<?>> history = StoredForms.readAsStored(forms.eventsConcerningOrder(forms.orders().get("confirmed")));
        ContinuedGivenState given = fixture.givenAPublished(history.get(0).getPayload());
        for (DomainEventMessage<?> event : history.subList(1, history.size())) {
            given = given.andThenAPublished(event.getPayload());
        }
        return given;
    }

    private static StoredSaga onlySaga(StoredForms forms) {
        assertThat(forms.sagas()).hasSize(1);
        return forms.sagas().get(0);
    }

    /** As the saga store reads an entry: the state serializer, the stored type and revision. */
    private static OrderSaga load(StoredSaga entry) {
        return Serializers.forState().deserialize(new SimpleSerializedObject<>(StoredForms.bytes(entry.serializedSaga()),
                byte[].class, entry.sagaType(), entry.revision()));
    }

    private static OrderSaga sagaAfter(List<DomainEventMessage<?>> history) {
        AtomicReference<OrderSaga> live = new AtomicReference<>();
        SagaTestFixture<OrderSaga> fixture = anOrderSagaFixture();
        fixture.registerResourceInjector(saga -> live.set((OrderSaga) saga));
        List<Object> payloads = history.stream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
        ContinuedGivenState given = fixture.givenAPublished(payloads.get(0));
        for (Object event : payloads.subList(1, payloads.size() - 1)) {
            given = given.andThenAPublished(event);
        }
        if (payloads.size() > 1) {
            given.whenPublishingA(payloads.get(payloads.size() - 1));
        } else {
            given.whenTimeElapses(Duration.ZERO);
        }
        return live.get();
    }

    private static SagaTestFixture<OrderSaga> anOrderSagaFixture() {
        SagaTestFixture<OrderSaga> fixture = new SagaTestFixture<>(OrderSaga.class);
        fixture.registerResource(new OrderSagaSettings(Duration.ofSeconds(30)));
        fixture.registerResource(new SagaCommands(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build()));
        return fixture;
    }

    @SuppressWarnings("unchecked")
    private static List<OrderSaga.Line> linesOf(OrderSaga saga) {
        try {
            Field lines = OrderSaga.class.getDeclaredField("lines");
            lines.setAccessible(true);
            return (List<OrderSaga.Line>) lines.get(saga);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void copyState(OrderSaga from, OrderSaga to) {
        for (Field field : OrderSaga.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                continue;
            }
            try {
                field.setAccessible(true);
                field.set(to, field.get(from));
            } catch (IllegalAccessException e) {
                throw new AssertionError("cannot restore field " + field.getName(), e);
            }
        }
    }
}

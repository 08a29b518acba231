package io.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.auditor.storedforms.StoredForms;
import io.orderflow.auditor.storedforms.StoredForms.StoredEvent;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.RecordPaymentRefundedCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every order of the golden fixtures, read through today's upcasters into the {@link Order} aggregate, is the order
 * that the same history written by today's code gives, also when old and new events share its stream; and it
 * goes on as that order does.
 */
class StoredOrdersTest {

    private static final List<String> GENERATIONS = StoredForms.GENERATIONS;

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void everyStoredOrderHasTheStateOfTheSameHistoryWrittenToday(String generation) {
        StoredForms forms = StoredForms.of(generation);
        List<String> orders = forms.aggregatesOfType("Order");
        assertThat(orders).hasSameSizeAs(forms.orders().values());

        for (String orderId : orders) {
            List<StoredEvent> rows = forms.eventsOfAggregate(orderId);
            Order today = stateAfter(StoredForms.readAsWrittenToday(rows), orderId);

            assertThat(stateAfter(StoredForms.readAsStored(rows), orderId)).as(orderId)
                    .usingRecursiveComparison().isEqualTo(today);
            for (int stored = 1; stored < rows.size(); stored++) {
                assertThat(stateAfter(StoredForms.readMixed(rows, stored), orderId))
                        .as("%s: %d stored events, then today's", orderId, stored)
                        .usingRecursiveComparison().isEqualTo(today);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void readsTheEventsThatAreNoLongerWrittenAsTodaysRevision(String generation) {
        StoredForms forms = StoredForms.of(generation);
        String orderId = forms.orders().get("confirmed");
        List<StoredEvent> rows = new ArrayList<>(forms.eventsOfAggregate(orderId));
        long sequence = rows.size();
        for (StoredEvent old : forms.eventsNoLongerWritten()) {
            rows.add(new StoredEvent(0, "no-longer-written-" + sequence, orderId, sequence++, "Order", old.payloadType(),
                    old.payloadRevision(), "2026-01-01T00:00:00Z", old.payload(), old.metaData()));
        }

        assertThat(stateAfter(StoredForms.readAsStored(rows), orderId)).usingRecursiveComparison()
                .isEqualTo(stateAfter(StoredForms.readAsWrittenToday(rows), orderId));
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void aStoredConfirmedOrderShipsWithAnEventOfTodaysRevision(String generation) {
        String orderId = StoredForms.of(generation).orders().get("confirmed");

        fixture().given(storedEventsOf(generation, orderId))
                .when(new ShipOrderCommand(OrderId.of(orderId)))
                .expectEvents(new OrderShipped(OrderId.of(orderId)));
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void aStoredRefundIsNotRecordedTwice(String generation) {
        String orderId = StoredForms.of(generation).orders().get("cancelledWhenConfirmed");
        PaymentId payment = PaymentId.forOrder(OrderId.of(orderId));

        fixture().given(storedEventsOf(generation, orderId))
                .when(new RecordPaymentRefundedCommand(OrderId.of(orderId), payment,
                        io.orderflow.contracts.common.Money.of("34.90", "EUR")))
                .expectNoEvents();
    }

    private static List<DomainEventMessage<?>> storedEventsOf(String generation, String orderId) {
        return StoredForms.readAsStored(StoredForms.of(generation).eventsOfAggregate(orderId));
    }

    private static AggregateTestFixture<Order> fixture() {
        AggregateTestFixture<Order> fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(new TaxPolicy(BigDecimal.ZERO));
        return fixture;
    }

    /** The order after {@code history}, as a repository loads it. */
    private static Order stateAfter(List<DomainEventMessage<?>> history, String orderId) {
        Order order = StoredForms.aggregateAfter(Order.class, history, new TaxPolicy(BigDecimal.ZERO));
        assertThat(order).as("the order %s was loaded", orderId).isNotNull();
        return order;
    }
}

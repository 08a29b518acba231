package io.orderflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.auditor.storedforms.StoredForms;
import io.orderflow.auditor.storedforms.StoredForms.StoredEvent;
import io.orderflow.auditor.storedforms.StoredForms.StoredSnapshot;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.ReserveStockCommand;
import io.orderflow.contracts.inventory.StockReservationRejected;
import io.orderflow.contracts.inventory.StockReserved;
import io.orderflow.platform.axon.Serializers;
import io.orderflow.platform.axon.Upcasters;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every product of the golden fixtures, read through today's upcasters into the {@link Inventory} aggregate, is
 * the product that the same history written by today's code gives, also with old and new events in one stream;
 * and a stored snapshot loads into the state its events give.
 */
class StoredInventoryTest {

    private static final List<String> GENERATIONS = StoredForms.GENERATIONS;

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void everyStoredProductHasTheStateOfTheSameHistoryWrittenToday(String generation) {
        StoredForms forms = StoredForms.of(generation);
        List<String> products = forms.aggregatesOfType("Inventory");
        assertThat(products).hasSize(4);

        for (String productId : products) {
            List<StoredEvent> rows = forms.eventsOfAggregate(productId);
            Inventory today = stateAfter(StoredForms.readAsWrittenToday(rows), productId);

            assertThat(stateAfter(StoredForms.readAsStored(rows), productId)).as(productId)
                    .usingRecursiveComparison().isEqualTo(today);
            for (int stored = 1; stored < rows.size(); stored++) {
                assertThat(stateAfter(StoredForms.readMixed(rows, stored), productId))
                        .as("%s: %d stored events, then today's", productId, stored)
                        .usingRecursiveComparison().isEqualTo(today);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void everyStoredSnapshotLoadsIntoTheStateOfItsEvents(String generation) {
        StoredForms forms = StoredForms.of(generation);
        assertThat(forms.snapshots()).isNotEmpty();

        for (StoredSnapshot snapshot : forms.snapshots()) {
            List<StoredEvent> upToSnapshot = forms.eventsOfAggregate(snapshot.aggregateIdentifier()).stream()
                    .filter(row -> row.sequenceNumber() <= snapshot.sequenceNumber()).toList();

            assertThat(loaded(snapshot)).as(snapshot.aggregateIdentifier()).usingRecursiveComparison()
                    .isEqualTo(stateAfter(StoredForms.readAsStored(upToSnapshot), snapshot.aggregateIdentifier()));
        }
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void aStoredProductReservesWhatItHasLeftAndNoMore(String generation) {
        StoredForms forms = StoredForms.of(generation);
        String productId = forms.aggregatesOfType("Inventory").get(0);
        List<DomainEventMessage<?>> history = StoredForms.readAsStored(forms.eventsOfAggregate(productId));
        int available = availableIn(stateAfter(history, productId));
        ProductId product = ProductId.of(productId);
        OrderId order = OrderId.random();

        fixture().given(history).when(new ReserveStockCommand(product, order, available + 1))
                .expectEvents(new StockReservationRejected(product, order, available + 1, available));
        fixture().given(history).when(new ReserveStockCommand(product, order, available))
                .expectEvents(new StockReserved(product, order, available));
    }

    private static int availableIn(Inventory inventory) {
        try {
            var field = Inventory.class.getDeclaredField("available");
            field.setAccessible(true);
            return field.getInt(inventory);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** As the event store reads a snapshot: through the upcasters, with the serializer of snapshots. */
    private static Inventory loaded(StoredSnapshot snapshot) {
        var entry = new GenericDomainEventEntry<>(snapshot.type(), snapshot.aggregateIdentifier(), snapshot.sequenceNumber(),
                snapshot.eventIdentifier(), snapshot.timeStamp(), snapshot.payloadType(), snapshot.payloadRevision(),
                StoredForms.bytes(snapshot.payload()), StoredForms.bytes(snapshot.metaData()));
        return (Inventory) EventStreamUtils.upcastAndDeserializeDomainEvents(java.util.stream.Stream.of(entry),
                Serializers.forState(), Upcasters.chain()).next().getPayload();
    }

    private static AggregateTestFixture<Inventory> fixture() {
        AggregateTestFixture<Inventory> fixture = new AggregateTestFixture<>(Inventory.class);
        fixture.registerInjectableResource(new ReservationPolicy(Duration.ofMinutes(5)));
        return fixture;
    }

    /** The product after {@code history}, as a repository loads it (event timestamps included: reservations keep them). */
    private static Inventory stateAfter(List<DomainEventMessage<?>> history, String productId) {
        Inventory inventory = StoredForms.aggregateAfter(Inventory.class, history, new ReservationPolicy(Duration.ofMinutes(5)));
        assertThat(inventory).as("the product %s was loaded", productId).isNotNull();
        return inventory;
    }
}

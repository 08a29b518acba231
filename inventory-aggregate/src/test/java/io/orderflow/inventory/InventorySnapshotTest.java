package io.orderflow.inventory;

import static io.orderflow.inventory.InventoryFixtures.ANOTHER_ORDER;
import static io.orderflow.inventory.InventoryFixtures.AN_ORDER;
import static io.orderflow.inventory.InventoryFixtures.A_THIRD_ORDER;
import static io.orderflow.inventory.InventoryFixtures.PRODUCT;
import static io.orderflow.inventory.InventoryFixtures.aProductAdded;
import static io.orderflow.inventory.InventoryFixtures.anInventoryFixture;
import static io.orderflow.inventory.InventoryFixtures.commit;
import static io.orderflow.inventory.InventoryFixtures.committed;
import static io.orderflow.inventory.InventoryFixtures.expired;
import static io.orderflow.inventory.InventoryFixtures.rejected;
import static io.orderflow.inventory.InventoryFixtures.release;
import static io.orderflow.inventory.InventoryFixtures.released;
import static io.orderflow.inventory.InventoryFixtures.reserve;
import static io.orderflow.inventory.InventoryFixtures.reserved;
import static io.orderflow.inventory.InventoryFixtures.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Snapshots are written by Jackson 2 field by field; a restored Inventory must decide exactly as the original. */
class InventorySnapshotTest {

    private static final OrderId A_FOURTH_ORDER = OrderId.of("order-4");
    private static final OrderId A_FIFTH_ORDER = OrderId.of("order-5");
    private static final OrderId A_NEW_ORDER = OrderId.of("order-6");

    /** Configured like the serializer Axon will write snapshots with. */
    private static final ObjectMapper SNAPSHOT_MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
            .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** 11 available, 4 reserved (by AN_ORDER), 5 committed, and one order in each other reservation state. */
    private static final List<Object> HISTORY_WITH_EVERY_RESERVATION_STATE = List.of(
            aProductAdded(20),
            reserved(AN_ORDER, 4),
            reserved(ANOTHER_ORDER, 3), released(ANOTHER_ORDER, 3),
            reserved(A_THIRD_ORDER, 5), committed(A_THIRD_ORDER, 5),
            reserved(A_FOURTH_ORDER, 2), expired(A_FOURTH_ORDER, 2),
            rejected(A_FIFTH_ORDER, 50, 11));

    @Test
    void snapshotKeepsStockCountersTheOpenReservationsAndTheRecentSettlements() {
        Inventory original = inventoryAfter(HISTORY_WITH_EVERY_RESERVATION_STATE);

        Inventory restored = roundTrip(original);

        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void snapshotWritesTheProductIdAsItsPlainValue() throws JsonProcessingException {
        String json = SNAPSHOT_MAPPER.writeValueAsString(inventoryAfter(HISTORY_WITH_EVERY_RESERVATION_STATE));

        assertThat(SNAPSHOT_MAPPER.readTree(json).get("productId").asText()).isEqualTo(PRODUCT.value());
    }

    /** The snapshot of a hot product must not grow with its history (measured in docs/performance.md). */
    @Test
    void snapshotStaysTheSameSizeWhetherTheProductSoldTenThousandOrAHundredThousandOrders() throws JsonProcessingException {
        int afterTenThousand = SNAPSHOT_MAPPER.writeValueAsBytes(inventoryAfterOrders(10_000)).length;
        int afterHundredThousand = SNAPSHOT_MAPPER.writeValueAsBytes(inventoryAfterOrders(100_000)).length;

        assertThat(afterHundredThousand).isLessThanOrEqualTo(afterTenThousand + 1_000);
        assertThat(afterTenThousand).isLessThan(64 * 1024);
    }

    /** Sourced directly from its events: one held reservation in every ten, the others committed. */
    private static Inventory inventoryAfterOrders(int orders) {
        Inventory inventory = new Inventory();
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        inventory.on(aProductAdded(1_000_000));
        for (int i = 0; i < orders; i++) {
            OrderId order = OrderId.of("order-" + i + "-" + "0".repeat(30));
            inventory.on(reserved(order, 1), at.plusMillis(i));
            if (i % 10 != 0 || i < orders - 100) {
                inventory.on(committed(order, 1));
            }
        }
        return inventory;
    }

    @Nested
    class ARestoredInventory {

        @Test
        void commitsTheReservationStillHeld() {
            givenRestoredFromSnapshot()
                    .when(commit(AN_ORDER))
                    .expectEvents(committed(AN_ORDER, 4));
        }

        @Test
        void reservesExactlyTheStockStillAvailable() {
            givenRestoredFromSnapshot()
                    .when(reserve(A_NEW_ORDER, 11))
                    .expectEvents(reserved(A_NEW_ORDER, 11));
        }

        @Test
        void rejectsWhatExceedsTheStockStillAvailable() {
            givenRestoredFromSnapshot()
                    .when(reserve(A_NEW_ORDER, 12))
                    .expectEvents(rejected(A_NEW_ORDER, 12, 11));
        }

        @Test
        void stillIgnoresARetryForARejectedOrder() {
            givenRestoredFromSnapshot()
                    .when(reserve(A_FIFTH_ORDER, 1))
                    .expectNoEvents();
        }

        @Test
        void stillIgnoresAReleaseOfAReleasedReservation() {
            givenRestoredFromSnapshot()
                    .when(release(ANOTHER_ORDER))
                    .expectNoEvents();
        }

        @Test
        void stillRefusesToCommitAReleasedReservation() {
            givenRestoredFromSnapshot()
                    .when(commit(ANOTHER_ORDER))
                    .expectException(violationOf(ErrorCode.NO_ACTIVE_RESERVATION))
                    .expectNoEvents();
        }

        @Test
        void stillRemembersAnExpiredReservationAndTakesItsUnitsAgainWhenItIsPaidFor() {
            givenRestoredFromSnapshot()
                    .when(commit(A_FOURTH_ORDER))
                    .expectEvents(reserved(A_FOURTH_ORDER, 2), committed(A_FOURTH_ORDER, 2));
        }

        private TestExecutor<Inventory> givenRestoredFromSnapshot() {
            Inventory restored = roundTrip(inventoryAfter(HISTORY_WITH_EVERY_RESERVATION_STATE));
            return anInventoryFixture().givenState(() -> restored);
        }
    }

    private static Inventory inventoryAfter(List<Object> history) {
        AtomicReference<Inventory> sourced = new AtomicReference<>();
        anInventoryFixture().given(history).whenInvoking(PRODUCT.value(), sourced::set);
        return sourced.get();
    }

    private static Inventory roundTrip(Inventory inventory) {
        try {
            return SNAPSHOT_MAPPER.readValue(SNAPSHOT_MAPPER.writeValueAsBytes(inventory), Inventory.class);
        } catch (IOException e) {
            throw new AssertionError("Inventory does not survive a snapshot round trip", e);
        }
    }
}

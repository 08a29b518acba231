package io.orderflow.ordermetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderStatus;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The meters dashboards, docs/operations.md and system-tests' ObservabilityTest scrape: their names, tags and
 * descriptions stay as they are. The order process's duration starts at the order's first stored event.
 */
class OrderMetricsTest {

    private static final Instant PLACED_AT = Instant.parse("2026-01-05T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final OrderMetrics metrics = new OrderMetrics(registry, eventStore);

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void registersTheOrderMetersWithTheirNamesTagsAndDescriptions() {
        assertThat(registry.get("orderflow.orders.placed").counter().getId().getDescription()).isEqualTo("Orders placed");
        assertThat(registry.get("orderflow.orders.confirmed").counter().getId().getDescription())
                .isEqualTo("Orders confirmed (paid, stock committed)");
        for (CancellationReason reason : CancellationReason.values()) {
            assertThat(registry.get("orderflow.orders.cancelled").tag("reason", reason.name()).counter().getId().getDescription())
                    .isEqualTo("Orders cancelled, by reason");
        }
        for (String outcome : new String[] {"CONFIRMED", "CANCELLED"}) {
            Meter.Id duration = registry.get("orderflow.order.process.duration").tag("outcome", outcome).timer().getId();
            assertThat(duration.getDescription())
                    .isEqualTo("From OrderPlaced to the order's confirmation or cancellation (the saga)");
        }
    }

    @Test
    void countsConfirmationsAndCancellationsByReason() {
        OrderId order = OrderId.random();
        CancellationReason reason = CancellationReason.values()[0];

        metrics.on(new OrderConfirmed(order), Instant.now());
        metrics.on(new OrderCancelled(order, reason, "detail", OrderStatus.PENDING), Instant.now());

        assertThat(registry.get("orderflow.orders.confirmed").counter().count()).isEqualTo(1);
        assertThat(registry.get("orderflow.orders.cancelled").tag("reason", reason.name()).counter().count()).isEqualTo(1);
    }

    @Test
    void timesTheOrderProcessFromTheOrdersFirstEventToItsConfirmation() {
        OrderId order = OrderId.random();
        stored(eventStore, order, PLACED_AT);

        metrics.on(new OrderConfirmed(order), PLACED_AT.plusSeconds(2));

        Timer duration = registry.get("orderflow.order.process.duration").tag("outcome", "CONFIRMED").timer();
        assertThat(duration.count()).isEqualTo(1);
        assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000);
    }

    @Test
    void leavesACancellationAfterConfirmationOutOfTheOrderProcess() {
        OrderId order = OrderId.random();
        stored(eventStore, order, PLACED_AT);

        metrics.on(new OrderCancelled(order, CancellationReason.values()[0], "detail", OrderStatus.CONFIRMED), PLACED_AT.plusSeconds(2));

        assertThat(registry.get("orderflow.order.process.duration").tag("outcome", "CANCELLED").timer().count()).isZero();
    }

    @Test
    void neverFailsThePublisherWhenTheOrdersPlacementIsNotFound() {
        assertThatCode(() -> metrics.on(new OrderConfirmed(OrderId.random()), PLACED_AT)).doesNotThrowAnyException();
        assertThat(registry.get("orderflow.order.process.duration").tag("outcome", "CONFIRMED").timer().count()).isZero();
        assertThat(registry.get("orderflow.orders.confirmed").counter().count()).isEqualTo(1);
    }

    @Test
    void neverFailsThePublisherWhenTheEventStoreFails() {
        EventStore failing = (EventStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("event store down");
                });
        OrderMetrics withoutStore = new OrderMetrics(new SimpleMeterRegistry(), failing);

        assertThatCode(() -> withoutStore.on(new OrderConfirmed(OrderId.random()), PLACED_AT)).doesNotThrowAnyException();
    }

    /** The order's first event, as the Order aggregate stores its OrderPlaced (its payload does not matter here). */
    private static void stored(EventStore store, OrderId order, Instant at) {
        store.publish(new GenericDomainEventMessage<>("Order", order.value(), 0, "OrderPlaced", MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at));
    }
}

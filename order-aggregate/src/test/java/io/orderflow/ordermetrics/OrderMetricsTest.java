package io.orderflow.ordermetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meters dashboards, docs/operations.md and the launcher's ObservabilityTest scrape: their names, tags and
 * descriptions stay as they are. The duration needs the event store (ObservabilityTest); here it has none.
 */
class OrderMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OrderMetrics metrics = new OrderMetrics(registry, new JdbcTemplate());

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
    void neverFailsThePublisherWhenTheDurationCannotBeLookedUp() {
        // no DataSource: the look-up of the order's placement fails, as it would with the database away
        assertThatCode(() -> metrics.on(new OrderConfirmed(OrderId.random()), Instant.now())).doesNotThrowAnyException();
        assertThat(registry.get("orderflow.order.process.duration").tag("outcome", "CONFIRMED").timer().count()).isZero();
    }
}

package io.orderflow.inventory;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the {@link Inventory} aggregate refers to: its reservation policy, its cache and its
 * snapshot trigger; and the sweep that expires overdue reservations. The aggregate itself is found by
 * component scanning, being an Axon {@code @Aggregate}.
 */
@Configuration(proxyBeanMethods = false)
public class InventoryAggregateConfiguration {

    static final String CACHE = "inventoryCache";
    static final String SNAPSHOT_TRIGGER = "inventorySnapshotTrigger";

    @Bean
    ReservationPolicy reservationPolicy(@Value("${orderflow.inventory.reservation-ttl:PT20M}") Duration timeToLive) {
        return new ReservationPolicy(timeToLive);
    }

    @Bean
    ReservationSweep reservationSweep(QueryGateway queries, CommandGateway commands,
                                      @Value("${orderflow.inventory.reservation-sweep-interval:PT1M}") Duration interval) {
        return new ReservationSweep(queries, commands, Clock.systemUTC(), interval);
    }

    @Bean(CACHE)
    Cache inventoryCache() {
        return new WeakReferenceCache();
    }

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition inventorySnapshotTrigger(
            Snapshotter snapshotter, @Value("${orderflow.inventory.snapshot-threshold:500}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}

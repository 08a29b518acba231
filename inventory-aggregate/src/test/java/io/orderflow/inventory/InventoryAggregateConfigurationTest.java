package io.orderflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class InventoryAggregateConfigurationTest {

    private final Snapshotter snapshotter = mock(Snapshotter.class);

    // Boot's conversion service turns "PT30S" into a Duration, as in the running application
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withBean(Snapshotter.class, () -> snapshotter)
            .withBean(QueryGateway.class, () -> mock(QueryGateway.class))
            .withBean(CommandGateway.class, () -> mock(CommandGateway.class))
            .withUserConfiguration(InventoryAggregateConfiguration.class);

    @Test
    void holdsReservationsForTwentyMinutesByDefaultLongerThanThePaymentMaxWait() {
        contextRunner.run(context -> assertThat(context.getBean(ReservationPolicy.class).timeToLive())
                .isEqualTo(Duration.ofMinutes(20)));
    }

    @Test
    void takesTheReservationTimeToLiveFromConfiguration() {
        contextRunner.withPropertyValues("orderflow.inventory.reservation-ttl=PT30S")
                .run(context -> assertThat(context.getBean(ReservationPolicy.class).timeToLive())
                        .isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void refusesToStartWithANonPositiveReservationTimeToLive() {
        contextRunner.withPropertyValues("orderflow.inventory.reservation-ttl=PT0S")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("time-to-live must be positive"));
    }

    @Test
    void providesTheCacheTheAggregateNames() {
        contextRunner.run(context -> assertThat(context.getBean(InventoryAggregateConfiguration.CACHE, Cache.class))
                .isInstanceOf(WeakReferenceCache.class));
    }

    @Test
    void sweepsOverdueReservationsWithTheApplication() {
        contextRunner.run(context -> assertThat(context.getBean(ReservationSweep.class).isRunning()).isTrue());
    }

    @Test
    void snapshotsAtTheFiveHundredthEventByDefault() {
        contextRunner.run(context -> {
            SnapshotTrigger trigger = triggerFrom(context.getBean(
                    InventoryAggregateConfiguration.SNAPSHOT_TRIGGER, SnapshotTriggerDefinition.class));

            handleEvents(trigger, 499);
            verify(snapshotter, never()).scheduleSnapshot(any(), any());
            handleEvents(trigger, 1);
            verify(snapshotter).scheduleSnapshot(Inventory.class, InventoryFixtures.PRODUCT.value());
        });
    }

    @Test
    void takesTheSnapshotThresholdFromConfiguration() {
        contextRunner.withPropertyValues("orderflow.inventory.snapshot-threshold=3").run(context -> {
            SnapshotTrigger trigger = triggerFrom(context.getBean(
                    InventoryAggregateConfiguration.SNAPSHOT_TRIGGER, SnapshotTriggerDefinition.class));

            handleEvents(trigger, 2);
            verify(snapshotter, never()).scheduleSnapshot(any(), any());
            handleEvents(trigger, 1);
            verify(snapshotter).scheduleSnapshot(Inventory.class, InventoryFixtures.PRODUCT.value());
        });
    }

    private static SnapshotTrigger triggerFrom(SnapshotTriggerDefinition definition) {
        SnapshotTrigger trigger = definition.prepareTrigger(Inventory.class);
        trigger.initializationFinished();
        return trigger;
    }

    private static void handleEvents(SnapshotTrigger trigger, int count) {
        for (int i = 0; i < count; i++) {
            trigger.eventHandled(new GenericDomainEventMessage<>(
                    "Inventory", InventoryFixtures.PRODUCT.value(), i, InventoryFixtures.restocked(1)));
        }
    }
}

package io.orderflow.inventory;

import static io.orderflow.inventory.InventoryFixtures.ANOTHER_ORDER;
import static io.orderflow.inventory.InventoryFixtures.AN_ORDER;
import static io.orderflow.inventory.InventoryFixtures.PRODUCT;
import static io.orderflow.inventory.InventoryFixtures.aProductAdded;
import static io.orderflow.inventory.InventoryFixtures.addProduct;
import static io.orderflow.inventory.InventoryFixtures.commit;
import static io.orderflow.inventory.InventoryFixtures.committed;
import static io.orderflow.inventory.InventoryFixtures.reserve;
import static io.orderflow.inventory.InventoryFixtures.reserved;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregate as Axon's Spring Boot auto-configuration sees it: the cache and snapshot trigger its
 * annotation names exist, and the deadline manager and reservation policy reach its handler.
 */
class InventoryAggregateWiringTest {

    private ConfigurableApplicationContext context;

    @BeforeEach
    void startAxon() {
        context = new SpringApplicationBuilder(AxonWithInventory.class)
                .web(WebApplicationType.NONE)
                .properties("orderflow.inventory.snapshot-threshold=2")
                .run();
    }

    @AfterEach
    void stopAxon() {
        context.close();
    }

    @Test
    void handlesCommandsWithTheInjectedPolicyAndDeadlineManager() {
        CommandGateway commands = context.getBean(CommandGateway.class);

        commands.sendAndWait(addProduct(10));
        commands.sendAndWait(reserve(AN_ORDER, 4));
        commands.sendAndWait(reserve(ANOTHER_ORDER, 3));
        commands.sendAndWait(commit(AN_ORDER));

        assertThat(storedEvents()).containsExactly(
                aProductAdded(10), reserved(AN_ORDER, 4), reserved(ANOTHER_ORDER, 3), committed(AN_ORDER, 4));
    }

    @Test
    void snapshotsOnceTheConfiguredNumberOfEventsIsReached() {
        CommandGateway commands = context.getBean(CommandGateway.class);

        commands.sendAndWait(addProduct(10));
        commands.sendAndWait(reserve(AN_ORDER, 4));

        DomainEventMessage<?> latestSnapshot = context.getBean(EventStore.class).readEvents(PRODUCT.value()).next();
        assertThat(latestSnapshot.getSequenceNumber()).isEqualTo(1);
        assertThat(latestSnapshot.getPayload()).isInstanceOf(Inventory.class);
    }

    private List<Object> storedEvents() {
        return context.getBean(EventStore.class).readEvents(PRODUCT.value(), 0).asStream()
                .map(EventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @ComponentScan(basePackageClasses = Inventory.class)
    static class AxonWithInventory {

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        // Axon's auto-configuration makes no DeadlineManager bean, and handler parameters are resolved from beans
        @Bean
        DeadlineManager deadlineManager(org.axonframework.config.Configuration axon) {
            return SimpleDeadlineManager.builder().scopeAwareProvider(new ConfigurationScopeAwareProvider(axon)).build();
        }
    }
}

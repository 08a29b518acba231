package io.orderflow.app.demo;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Adds a few products when {@code orderflow.demo.catalogue-enabled} is true. Product ids are derived
 * from the names, so a restart on a kept database finds them in the event store and sends nothing (a command
 * for an existing product would fail on the store's unique key, be retried and logged at every start).
 */
@Component
@ConditionalOnProperty(name = "orderflow.demo.catalogue-enabled", havingValue = "true")
class DemoCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    static final List<AddProductCommand> PRODUCTS = List.of(
            product("Espresso beans 1 kg", "24.90", 120),
            product("Hand grinder", "79.00", 25),
            product("Pour-over kettle", "54.50", 40),
            product("Limited edition mug", "19.99", 10));

    private final CommandGateway commandGateway;
    private final EventStore eventStore;

    DemoCatalogue(CommandGateway commandGateway, EventStore eventStore) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Adds the products the store does not have yet; answers how many it added. */
    int load() {
        int added = 0;
        for (AddProductCommand product : PRODUCTS) {
            if (eventStore.lastSequenceNumberFor(product.productId().toString()).isPresent()) {
                continue;
            }
            try {
                commandGateway.sendAndWait(product);
                log.info("Demo product {} added as {}", product.name(), product.productId());
                added++;
            } catch (AggregateStreamCreationException addedMeanwhile) {
                log.debug("Demo product {} was added by another instance", product.name());
            }
        }
        return added;
    }

    private static AddProductCommand product(String name, String price, int stock) {
        ProductId id = ProductId.of(UUID.nameUUIDFromBytes(("demo:" + name).getBytes(StandardCharsets.UTF_8)).toString());
        return new AddProductCommand(id, name, Money.of(price, "EUR"), stock);
    }
}

package io.orderflow.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.app.OrderflowTest;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.FindProductQuery;
import io.orderflow.contracts.inventory.ProductView;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OrderflowTest
class DemoCatalogueTest {

    @Autowired CommandGateway commandGateway;
    @Autowired QueryGateway queryGateway;
    @Autowired EventStore eventStore;

    @Test
    void loadsTheDemoProductsAndLoadingThemAgainSendsNothing() {
        DemoCatalogue catalogue = new DemoCatalogue(commandGateway, eventStore);
        catalogue.run(null);

        assertThat(catalogue.load()).as("products added again, as at a restart on a kept database").isZero();

        for (AddProductCommand product : DemoCatalogue.PRODUCTS) {
            ProductView view = await().atMost(Duration.ofSeconds(30)).until(
                    () -> queryGateway.query(new FindProductQuery(product.productId()), ProductView.class).join(),
                    found -> found != null);
            assertThat(view.name()).isEqualTo(product.name());
            assertThat(view.available()).isEqualTo(product.initialStock());
        }
    }
}

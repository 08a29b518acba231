package io.orderflow.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.app.OrderflowTest;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.FindProductQuery;
import io.orderflow.contracts.inventory.ProductView;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OrderflowTest
class DemoCatalogueTest {

    @Autowired CommandGateway commandGateway;
    @Autowired QueryGateway queryGateway;

    @Test
    void loadsTheDemoProductsAndLoadingThemAgainChangesNothing() {
        DemoCatalogue catalogue = new DemoCatalogue(commandGateway);
        catalogue.run(null);
        catalogue.run(null);

        for (AddProductCommand product : DemoCatalogue.PRODUCTS) {
            ProductView view = await().atMost(Duration.ofSeconds(30)).until(
                    () -> queryGateway.query(new FindProductQuery(product.productId()), ProductView.class).join(),
                    found -> found != null);
            assertThat(view.name()).isEqualTo(product.name());
            assertThat(view.available()).isEqualTo(product.initialStock());
        }
    }
}

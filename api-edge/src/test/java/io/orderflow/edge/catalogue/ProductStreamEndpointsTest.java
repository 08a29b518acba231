package io.orderflow.edge.catalogue;

import static io.orderflow.edge.EdgeFixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.edge.EdgeHttpTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import tools.jackson.databind.JsonNode;

/** The catalogue live, for anyone: the whole catalogue, then each product whose stock changed, each state once. */
class ProductStreamEndpointsTest extends EdgeHttpTest {

    @Test
    void streamsTheCatalogueThenEachStockChangeOnceWithoutAToken() {
        ProductView beans = aProduct();
        backend.has(beans);
        ProductView reserved = withStock(beans, 38, 5);
        later(() -> {
            backend.changes(reserved);
            backend.changes(reserved);
            backend.changes(withStock(beans, 38, 4));
        });

        List<ServerSentEvent<JsonNode>> events = anonymous.get().uri("/api/products/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                })
                .getResponseBody()
                .filter(event -> event.data() != null)
                .take(3)
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("products", "product", "product");
        assertThat(events.get(0).data().get(0).get("available").asInt()).isEqualTo(40);
        assertThat(events.get(1).data().get("reserved").asInt()).isEqualTo(5);
        assertThat(events.get(2).data().get("reserved").asInt()).isEqualTo(4);
    }

    private static ProductView withStock(ProductView product, int available, int reserved) {
        return new ProductView(product.productId(), product.name(), product.price(), product.currency(), available,
                reserved, product.committed());
    }
}

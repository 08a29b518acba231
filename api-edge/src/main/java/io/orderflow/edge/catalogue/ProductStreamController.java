package io.orderflow.edge.catalogue;

import io.orderflow.contracts.inventory.FindAllProductsQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.edge.dispatch.Live;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.order.LiveOrderProperties;
import io.orderflow.edge.web.ServerSentEvents;
import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The catalogue live, public like the catalogue: its stock moves with every reservation, payment and restock. */
@RestController
class ProductStreamController {

    static final String CATALOGUE_EVENT = "products";
    static final String PRODUCT_EVENT = "product";

    private final Queries queries;
    private final LiveOrderProperties live;

    ProductStreamController(Queries queries, LiveOrderProperties live) {
        this.queries = queries;
        this.live = live;
    }

    @Operation(summary = "Follow the catalogue and its stock live", description = """
            Server-Sent Events. First `event: products` with the whole catalogue (shaped as `GET /api/products`), \
            then `event: product` with a product each time its stock or price changes, or it is added. A state \
            already told is not told again. Never ends by itself; a comment line every \
            `orderflow.edge.live.heartbeat` keeps it open.""")
    @GetMapping(path = "/api/products/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> products() {
        return Flux.defer(() -> {
            Map<String, ProductView> told = new HashMap<>();
            Flux<ServerSentEvent<Object>> events = queries.followList(new FindAllProductsQuery(), ProductView.class, ProductView.class)
                    .concatMap(signal -> {
                        if (signal instanceof Live.Current<List<ProductView>, ProductView> current) {
                            current.value().forEach(product -> told.put(product.productId(), product));
                            return Mono.just(ServerSentEvents.event(CATALOGUE_EVENT, current.value()));
                        }
                        ProductView change = ((Live.Change<List<ProductView>, ProductView>) signal).value();
                        return change.equals(told.put(change.productId(), change))
                                ? Mono.empty() : Mono.just(ServerSentEvents.event(PRODUCT_EVENT, change));
                    });
            return ServerSentEvents.withHeartbeat(events, live.heartbeat());
        });
    }
}

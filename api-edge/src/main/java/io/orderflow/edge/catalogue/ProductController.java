package io.orderflow.edge.catalogue;

import io.orderflow.contracts.inventory.FindAllProductsQuery;
import io.orderflow.contracts.inventory.FindProductQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.edge.dispatch.Queries;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Reading the catalogue, from the read model. */
@RestController
@RequestMapping(path = "/api/products", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductController {

    private final Queries queries;

    ProductController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    Mono<List<ProductView>> products() {
        return queries.many(new FindAllProductsQuery(), ProductView.class);
    }

    @GetMapping("/{productId}")
    Mono<ProductView> product(@PathVariable String productId) {
        return queries.one(new FindProductQuery(ProductReference.idOf(productId)), ProductView.class)
                .switchIfEmpty(Mono.error(() -> ProductReference.notFound(productId)));
    }
}

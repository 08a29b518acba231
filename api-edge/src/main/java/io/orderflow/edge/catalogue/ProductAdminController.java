package io.orderflow.edge.catalogue;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.RestockProductCommand;
import io.orderflow.contracts.inventory.FindProductQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.edge.dispatch.Commands;
import io.orderflow.edge.dispatch.Queries;
import jakarta.validation.Valid;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Changes to the catalogue: adding a product, restocking one. "Created" means orderable: a new product is
 * answered 201 once the catalogue read model, which prices orders, shows it. A restock needs no such wait:
 * orders reserve stock from the {@code Inventory} aggregate itself, never from the read model.
 */
@RestController
@RequestMapping(path = "/api/admin/products", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProductAdminController.class);

    private final Commands commands;
    private final Queries queries;
    private final PriceRules priceRules;
    private final Duration createdWait;

    ProductAdminController(Commands commands, Queries queries, PriceRules priceRules, CatalogueProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.priceRules = priceRules;
        this.createdWait = properties.createdWait();
    }

    @ApiResponse(responseCode = "201", description = "Product added; Location: the product", useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ProductReference>> addProduct(@Valid @RequestBody AddProductRequest request) {
        return Mono.fromCallable(() -> new AddProductCommand(ProductId.random(), request.name().strip(),
                        priceRules.priceOf(request.price(), request.currency()), request.initialStock()))
                .flatMap(command -> commands.send(command).then(inCatalogue(command.productId()))
                        .thenReturn(ProductReference.of(command.productId())))
                .map(product -> ResponseEntity.created(product.location()).body(product));
    }

    /**
     * Completes when the catalogue shows the product, or after {@code createdWait}: the product is followed, as
     * {@code GET /api/orders/{id}?waitMs=} follows an order, so its first appearance ends the wait.
     */
    private Mono<Void> inCatalogue(ProductId product) {
        return queries.follow(new FindProductQuery(product), ProductView.class, ProductView.class)
                .next()
                .timeout(createdWait)
                .then()
                .onErrorResume(error -> {
                    log.warn("Product {} added, but the catalogue did not show it within {}; answering 201 anyway",
                            product, createdWait, error);
                    return Mono.empty();
                });
    }

    @ApiResponse(responseCode = "202", description = "Restock accepted; Location: the product", useReturnTypeSchema = true)
    @PostMapping(path = "/{productId}/restock", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ProductReference>> restock(@PathVariable String productId,
            @Valid @RequestBody RestockRequest request) {
        ProductId id = ProductReference.idOf(productId);
        ProductReference product = ProductReference.of(id);
        return commands.sendToExisting(new RestockProductCommand(id, request.quantity()),
                        () -> ProductReference.notFound(productId))
                .thenReturn(ResponseEntity.accepted().location(product.location()).body(product));
    }
}

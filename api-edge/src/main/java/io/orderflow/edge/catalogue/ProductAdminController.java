package io.orderflow.edge.catalogue;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.RestockProductCommand;
import io.orderflow.edge.dispatch.Commands;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Changes to the catalogue: adding a product, restocking one. */
@RestController
@RequestMapping(path = "/api/admin/products", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductAdminController {

    private final Commands commands;
    private final PriceRules priceRules;

    ProductAdminController(Commands commands, PriceRules priceRules) {
        this.commands = commands;
        this.priceRules = priceRules;
    }

    @ApiResponse(responseCode = "201", description = "Product added; Location: the product", useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ProductReference>> addProduct(@Valid @RequestBody AddProductRequest request) {
        return Mono.fromCallable(() -> new AddProductCommand(ProductId.random(), request.name().strip(),
                        priceRules.priceOf(request.price(), request.currency()), request.initialStock()))
                .flatMap(command -> commands.send(command).thenReturn(ProductReference.of(command.productId())))
                .map(product -> ResponseEntity.created(product.location()).body(product));
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

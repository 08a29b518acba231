package io.orderflow.edge.catalogue;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.edge.problem.ApiProblem;
import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;

/** The answer to a product command: which product, and (in {@code Location}) where to read it. */
record ProductReference(String productId) {

    static ProductReference of(ProductId productId) {
        return new ProductReference(productId.value());
    }

    URI location() {
        return UriComponentsBuilder.fromPath("/api/products/{productId}").build(productId);
    }

    /** The id in a path; a blank one (such as {@code %20}) names no product rather than being an error. */
    static ProductId idOf(String productId) {
        if (productId.isBlank()) {
            throw notFound(productId);
        }
        return ProductId.of(productId);
    }

    static ApiProblem notFound(String productId) {
        return ApiProblem.of(ErrorCode.PRODUCT_NOT_FOUND, "There is no product " + productId + ".");
    }
}

package io.orderflow.edge.order;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.edge.problem.ApiProblem;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/** The answer to an order command: which order, the status it moves to, and (in {@code Location}) where to poll it. */
record OrderReference(String orderId, OrderStatus status) {

    static ResponseEntity<OrderReference> accepted(OrderId orderId, OrderStatus status) {
        URI location = UriComponentsBuilder.fromPath("/api/orders/{orderId}").build(orderId.value());
        return ResponseEntity.accepted().location(location).body(new OrderReference(orderId.value(), status));
    }

    /** The id in a path; a blank one (such as {@code %20}) names no order rather than being an error. */
    static OrderId idOf(String orderId) {
        if (orderId.isBlank()) {
            throw notFound(orderId);
        }
        return OrderId.of(orderId);
    }

    static ApiProblem notFound(String orderId) {
        return ApiProblem.of(ErrorCode.ORDER_NOT_FOUND, "There is no order " + orderId + ".");
    }
}

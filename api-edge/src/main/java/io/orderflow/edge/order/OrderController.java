package io.orderflow.edge.order;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.edge.dispatch.Commands;
import io.orderflow.edge.dispatch.Queries;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A customer's orders: placing one, following it, cancelling it. */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private final Commands commands;
    private final Queries queries;
    private final OrderPricing pricing;

    OrderController(Commands commands, Queries queries, OrderPricing pricing) {
        this.commands = commands;
        this.queries = queries;
        this.pricing = pricing;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<OrderReference>> placeOrder(@Valid @RequestBody PlaceOrderRequest request) {
        OrderId orderId = OrderId.random();
        return pricing.price(request.lines())
                .map(lines -> new PlaceOrderCommand(orderId, CustomerId.of(request.customerId().strip()), lines,
                        request.shippingAddress().toShippingAddress()))
                .flatMap(commands::send)
                .thenReturn(OrderReference.accepted(orderId, OrderStatus.PENDING));
    }

    /**
     * The customer changes their mind: accepted until the order ships. Stock goes back and the payment
     * is voided or refunded by the process that follows. Cancelling again answers the same.
     */
    @PostMapping("/{orderId}/cancel")
    Mono<ResponseEntity<OrderReference>> cancel(@PathVariable String orderId) {
        OrderId id = OrderReference.idOf(orderId);
        return commands.sendToExisting(new CancelOrderCommand(id, CancellationReason.CUSTOMER_REQUEST, "cancelled by the customer"),
                        () -> OrderReference.notFound(orderId))
                .thenReturn(OrderReference.accepted(id, OrderStatus.CANCELLED));
    }

    @GetMapping("/{orderId}")
    Mono<OrderView> order(@PathVariable String orderId) {
        return queries.one(new FindOrderQuery(OrderReference.idOf(orderId)), OrderView.class)
                .switchIfEmpty(Mono.error(() -> OrderReference.notFound(orderId)));
    }
}

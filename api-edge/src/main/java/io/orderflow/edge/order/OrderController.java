package io.orderflow.edge.order;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
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

/** A customer's orders: placing one, and following it. */
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

    @GetMapping("/{orderId}")
    Mono<OrderView> order(@PathVariable String orderId) {
        return queries.one(new FindOrderQuery(OrderReference.idOf(orderId)), OrderView.class)
                .switchIfEmpty(Mono.error(() -> OrderReference.notFound(orderId)));
    }
}

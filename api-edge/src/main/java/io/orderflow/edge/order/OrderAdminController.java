package io.orderflow.edge.order;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.ShipOrderCommand;
import io.orderflow.edge.dispatch.Commands;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The warehouse's side of an order: it leaves, it arrives. Whether it may is the aggregate's call (409 if not). */
@RestController
@RequestMapping(path = "/api/admin/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderAdminController {

    private final Commands commands;

    OrderAdminController(Commands commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "202", description = "Shipping recorded; Location: the order", useReturnTypeSchema = true)
    @PostMapping("/{orderId}/ship")
    Mono<ResponseEntity<OrderReference>> ship(@PathVariable String orderId) {
        OrderId id = OrderReference.idOf(orderId);
        return commands.sendToExisting(new ShipOrderCommand(id), () -> OrderReference.notFound(orderId))
                .thenReturn(OrderReference.accepted(id, OrderStatus.SHIPPED));
    }

    @ApiResponse(responseCode = "202", description = "Delivery recorded; Location: the order", useReturnTypeSchema = true)
    @PostMapping("/{orderId}/deliver")
    Mono<ResponseEntity<OrderReference>> deliver(@PathVariable String orderId) {
        OrderId id = OrderReference.idOf(orderId);
        return commands.sendToExisting(new DeliverOrderCommand(id), () -> OrderReference.notFound(orderId))
                .thenReturn(OrderReference.accepted(id, OrderStatus.DELIVERED));
    }
}

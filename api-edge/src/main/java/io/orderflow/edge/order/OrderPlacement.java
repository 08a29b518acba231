package io.orderflow.edge.order;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.FindOrderPlacementQuery;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.edge.dispatch.Commands;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.idempotency.Idempotency;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.security.Caller;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Places an order, at most once per customer and {@code Idempotency-Key}. The key makes the order's id
 * ({@link OrderId#forIdempotencyKey}), so the event store, which holds one stream per id, refuses a second
 * placement atomically with the first's append. The idempotency store still claims every key first, but keeps no
 * response: the order's stream is the record that the placement completed (one write to the store per order
 * instead of two). A repeat finds the claim in flight and is answered from the order's first event: its
 * {@code 202} again for the same customer, products, quantities and address, {@code 422 IDEMPOTENCY_KEY_REUSED}
 * for another order; {@code 409 IDEMPOTENCY_KEY_IN_USE} while the order is not in the event store yet.
 */
@Component
class OrderPlacement {

    private final Commands commands;
    private final Queries queries;
    private final OrderPricing pricing;
    private final Idempotency idempotency;

    OrderPlacement(Commands commands, Queries queries, OrderPricing pricing, Idempotency idempotency) {
        this.commands = commands;
        this.queries = queries;
        this.pricing = pricing;
        this.idempotency = idempotency;
    }

    Mono<ResponseEntity<OrderReference>> place(Caller caller, String key, PlaceOrderRequest request, ServerHttpRequest httpRequest) {
        if (key == null) {
            return send(OrderId.random(), caller, request);
        }
        return Mono.defer(() -> {
            Idempotency.requireValid(key);
            OrderId orderId = OrderId.forIdempotencyKey(caller.customerId(), key);
            return idempotency.onceRecordedElsewhere(caller, key, httpRequest, request, OrderReference.class,
                    () -> send(orderId, caller, request), () -> placedBefore(orderId, caller, request));
        });
    }

    private Mono<ResponseEntity<OrderReference>> send(OrderId orderId, Caller caller, PlaceOrderRequest request) {
        return pricing.price(request.lines())
                .map(lines -> new PlaceOrderCommand(orderId, caller.customerId(), lines, request.shippingAddress().toShippingAddress()))
                .flatMap(commands::send)
                .thenReturn(OrderReference.accepted(orderId, OrderStatus.PENDING));
    }

    /** The answer to the placement of {@code orderId}, if it is in the event store; 422 if it was another order. */
    private Mono<ResponseEntity<OrderReference>> placedBefore(OrderId orderId, Caller caller, PlaceOrderRequest request) {
        return queries.one(new FindOrderPlacementQuery(orderId), OrderPlaced.class)
                .onErrorResume(lookupFailure -> Mono.empty())
                .map(placed -> {
                    if (!isTheSameOrder(placed, caller, request)) {
                        throw ApiProblem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used for a different request. Use a new key for a new request.");
                    }
                    return OrderReference.accepted(orderId, OrderStatus.PENDING);
                });
    }

    /** The same customer, products, quantities and address: prices may have changed since, names too. */
    private static boolean isTheSameOrder(OrderPlaced placed, Caller caller, PlaceOrderRequest request) {
        Map<String, Integer> placedLines = placed.lines().stream()
                .collect(Collectors.toMap(line -> line.productId().value(), OrderLine::quantity, Integer::sum));
        Map<String, Integer> requestedLines = request.lines().stream()
                .collect(Collectors.toMap(PlaceOrderRequest.Line::productId, PlaceOrderRequest.Line::quantity, Integer::sum));
        return placed.customerId().equals(caller.customerId())
                && placedLines.equals(requestedLines)
                && placed.shippingAddress().equals(request.shippingAddress().toShippingAddress());
    }
}

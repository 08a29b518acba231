package io.orderflow.edge.order;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.FindOrderPlacementQuery;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.edge.dispatch.CommandMetadata;
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
 * placement atomically with the first's append: no record of its own to claim and complete per request, and
 * nothing in flight to answer {@code 409} for (a repeat waits on the first's append and then answers its order).
 * A placement that fails is looked up: if its order exists, the key was used before, and the answer is that
 * order's {@code 202} again for the same request, or {@code 422 IDEMPOTENCY_KEY_REUSED} for another one. Keys
 * that an earlier version recorded in the idempotency store are honoured until they expire.
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
            return idempotency.keptPlacement(caller, key, httpRequest, request, OrderReference.class)
                    .switchIfEmpty(Mono.defer(() -> send(orderId, caller, request)
                            .contextWrite(CommandMetadata.withIdempotencyKey(key))
                            .onErrorResume(failure -> placedBefore(orderId, caller, request, failure))));
        });
    }

    private Mono<ResponseEntity<OrderReference>> send(OrderId orderId, Caller caller, PlaceOrderRequest request) {
        return pricing.price(request.lines())
                .map(lines -> new PlaceOrderCommand(orderId, caller.customerId(), lines, request.shippingAddress().toShippingAddress()))
                .flatMap(commands::send)
                .thenReturn(OrderReference.accepted(orderId, OrderStatus.PENDING));
    }

    /** The answer to a placement whose key was used before; the placement's own failure when it was not. */
    private Mono<ResponseEntity<OrderReference>> placedBefore(OrderId orderId, Caller caller, PlaceOrderRequest request,
                                                             Throwable failure) {
        return queries.one(new FindOrderPlacementQuery(orderId), OrderPlaced.class)
                .onErrorResume(lookupFailure -> Mono.empty())
                .switchIfEmpty(Mono.error(failure))
                .map(placed -> {
                    if (!isTheSameOrder(placed, caller, request)) {
                        throw ApiProblem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used for a different request. Use a new key for a new request.");
                    }
                    ResponseEntity<OrderReference> accepted = OrderReference.accepted(orderId, OrderStatus.PENDING);
                    return ResponseEntity.status(accepted.getStatusCode()).headers(accepted.getHeaders())
                            .header(Idempotency.REPLAYED_HEADER, "true").body(accepted.getBody());
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

package io.orderflow.edge.order;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.problem.ApiProblem;
import org.springframework.security.core.Authentication;
import io.orderflow.edge.security.Caller;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderPageView;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.web.ServerSentEvents;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders live, as Server-Sent Events from subscription queries: the current state first, then every
 * change, each told once. A stream ends when the client leaves (which ends the subscription) or, for one
 * order, when the order is terminal ({@code DELIVERED} or {@code CANCELLED}). A comment line every
 * {@code orderflow.edge.live.heartbeat} keeps idle streams open through proxies.
 */
@RestController
class OrderStreamController {

    private final Queries queries;
    private final LiveOrderProperties live;

    OrderStreamController(Queries queries, LiveOrderProperties live) {
        this.queries = queries;
        this.live = live;
    }

    /**
     * {@code event: order}, data: the order as {@code GET /api/orders/{id}} shows it. An order not yet in
     * the read model (just placed) is waited for up to {@code orderflow.edge.live.max-wait}, then the
     * answer is {@code 404} before the stream starts.
     */
    @GetMapping(path = "/api/orders/{orderId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> order(@PathVariable String orderId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        FindOrderQuery query = new FindOrderQuery(OrderReference.idOf(orderId));
        return Flux.defer(() -> {
            LatestOrders told = new LatestOrders();
            Flux<ServerSentEvent<Object>> states = queries.follow(query, OrderView.class, OrderView.class)
                    .map(OrderController::orderOf)
                    .timeout(Mono.delay(live.maxWait()), state -> Mono.never())
                    .onErrorMap(TimeoutException.class, notYet -> OrderReference.notFound(orderId))
                    .flatMap(order -> caller.mayAccessOrdersOf(order.customerId())
                            ? Mono.just(order) : Mono.error(OrderReference.notFound(orderId)))
                    .filter(told::isNews)
                    .takeUntil(order -> order.status().isTerminal())
                    .map(order -> ServerSentEvents.event(LatestOrders.ORDER_EVENT, order));
            return withHeartbeat(states);
        });
    }

    /**
     * First {@code event: orders} with the customer's newest orders ({@code size} of them, as
     * {@code GET /api/orders?customerId=} shows them), then {@code event: order} for every change of any
     * of the customer's orders, new ones included. Never ends by itself.
     */
    @GetMapping(path = "/api/customers/{customerId}/orders/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> customerOrders(@PathVariable String customerId,
                                                 @RequestParam(defaultValue = "" + FindOrdersQuery.DEFAULT_SIZE) int size,
                                                 Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.mayAccessOrdersOf(customerId)) {
            throw ApiProblem.of(ErrorCode.CUSTOMER_MISMATCH, "You may follow your own orders only.");
        }
        CustomerId customer = OrderFilters.customerIdOf(customerId, "customerId");
        OrderFilters.requireSize(size);
        return Flux.defer(() -> {
            LatestOrders told = new LatestOrders();
            Flux<ServerSentEvent<Object>> events = queries.follow(FindOrdersQuery.ofCustomer(customer, size),
                            OrderPageView.class, OrderView.class)
                    .concatMap(told::tell);
            return withHeartbeat(events);
        });
    }

    private Flux<ServerSentEvent<Object>> withHeartbeat(Flux<ServerSentEvent<Object>> events) {
        return ServerSentEvents.withHeartbeat(events, live.heartbeat());
    }
}

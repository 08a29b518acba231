package io.orderflow.edge;

import io.orderflow.contracts.audit.EventTimelineView;
import io.orderflow.contracts.audit.FindEventTimelineQuery;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.FindAllProductsQuery;
import io.orderflow.contracts.inventory.FindProductQuery;
import io.orderflow.contracts.inventory.FindProductsByIdQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.inventory.RestockProductCommand;
import io.orderflow.contracts.operations.DeadLettersView;
import io.orderflow.contracts.operations.EvictDeadLetterSequenceCommand;
import io.orderflow.contracts.operations.FindDeadLettersQuery;
import io.orderflow.contracts.operations.FindReadModelRebuildQuery;
import io.orderflow.contracts.operations.FindReadModelsQuery;
import io.orderflow.contracts.operations.ReadModelRebuildView;
import io.orderflow.contracts.operations.ReadModelView;
import io.orderflow.contracts.operations.ReplayReadModelCommand;
import io.orderflow.contracts.operations.RetryDeadLettersCommand;
import io.orderflow.contracts.operations.VerifyReadModelCommand;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.CountOrdersQuery;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.FindOrderHistoryQuery;
import io.orderflow.contracts.order.FindOrderPlacementQuery;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderCountsView;
import io.orderflow.contracts.order.OrderHistoryView;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderPageView;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderStatusChangeView;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Stands in for the aggregates and projections: records every command it handles, answers queries from
 * maps, and can be told to fail or to hang. Handlers run where the local buses run them, on the
 * dispatching thread, which is recorded too.
 */
public class InMemoryBackend {

    private final Map<String, ProductView> products = new ConcurrentHashMap<>();
    private final Map<String, OrderView> orders = new ConcurrentHashMap<>();
    private final List<Object> commands = new CopyOnWriteArrayList<>();
    private final List<MetaData> metadata = new CopyOnWriteArrayList<>();
    private final Queue<RuntimeException> commandFailures = new ConcurrentLinkedQueue<>();
    private final Queue<RuntimeException> queryFailures = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch commandGate = new CountDownLatch(0);
    private volatile CountDownLatch queryGate = new CountDownLatch(0);
    private volatile String lastCommandThread;
    private volatile String lastQueryThread;
    private final AtomicInteger generation = new AtomicInteger();
    private final QueryUpdateEmitter updates;
    private final List<Object> queries = new CopyOnWriteArrayList<>();
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final Map<String, ReadModelRebuildView> rebuilds = new ConcurrentHashMap<>();
    private final Map<String, EventTimelineView> timelines = new ConcurrentHashMap<>();
    /** The orders placed, by id: one stream per id, as in the event store. */
    private final Map<String, OrderPlaced> placements = new ConcurrentHashMap<>();
    private volatile DeadLettersView deadLetters;

    public InMemoryBackend(QueryUpdateEmitter updates) {
        this.updates = updates;
    }

    public void reset() {
        generation.incrementAndGet();
        commandGate.countDown();
        queryGate.countDown();
        products.clear();
        orders.clear();
        commands.clear();
        metadata.clear();
        queries.clear();
        results.clear();
        rebuilds.clear();
        timelines.clear();
        placements.clear();
        deadLetters = null;
        commandFailures.clear();
        queryFailures.clear();
        lastCommandThread = null;
        lastQueryThread = null;
    }

    public void has(ProductView... known) {
        for (ProductView product : known) {
            products.put(product.productId(), product);
        }
    }

    public void has(OrderView... known) {
        for (OrderView order : known) {
            orders.put(order.orderId(), order);
        }
    }

    /**
     * The order now is {@code order}: answered from now on, and announced to the subscribers of the order
     * and of its customer, as the projection announces a change.
     */
    public void changes(OrderView order) {
        orders.put(order.orderId(), order);
        announces(order);
    }

    /** Announces {@code order} to subscribers without changing what queries answer (a late, repeated update). */
    public void announces(OrderView order) {
        updates.emit(FindOrderQuery.class, query -> query.orderId().value().equals(order.orderId()), order);
        updates.emit(FindOrdersQuery.class,
                query -> query.customerId() == null || query.customerId().value().equals(order.customerId()), order);
    }

    /** The product now is {@code product}: answered from now on, and announced to the followers of the catalogue. */
    public void changes(ProductView product) {
        products.put(product.productId(), product);
        updates.emit(FindAllProductsQuery.class, query -> true, product);
    }

    public void has(ReadModelRebuildView rebuild) {
        rebuilds.put(rebuild.id(), rebuild);
    }

    public void has(EventTimelineView timeline) {
        timelines.put(timeline.aggregateType() + "/" + timeline.aggregateId(), timeline);
    }

    public void has(DeadLettersView parked) {
        deadLetters = parked;
    }

    /** What the next command of this type answers. */
    public void answers(Class<?> commandType, Object result) {
        results.put(commandType.getName(), result);
    }

    public List<Object> queries() {
        return List.copyOf(queries);
    }

    public <T> List<T> queries(Class<T> type) {
        return queries.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The next commands fail with these, in order; later ones succeed again. */
    public void failsNextCommandsWith(RuntimeException... failures) {
        commandFailures.addAll(List.of(failures));
    }

    public void failsNextQueriesWith(RuntimeException... failures) {
        queryFailures.addAll(List.of(failures));
    }

    /** Commands hang until {@link #reset()}. */
    public void hangsOnCommands() {
        commandGate = new CountDownLatch(1);
    }

    /** Queries hang until {@link #reset()}. */
    public void hangsOnQueries() {
        queryGate = new CountDownLatch(1);
    }

    public List<Object> commands() {
        return List.copyOf(commands);
    }

    public <T> List<T> commands(Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The metadata of the order commands (place, cancel) handled, in order. */
    public List<MetaData> orderCommandMetadata() {
        return List.copyOf(metadata);
    }

    public String lastCommandThread() {
        return lastCommandThread;
    }

    public String lastQueryThread() {
        return lastQueryThread;
    }

    @CommandHandler
    void handle(AddProductCommand command) {
        receive(command);
        products.put(command.productId().value(), new ProductView(command.productId().value(), command.name(),
                command.price().amount(), command.price().currency(), command.initialStock(), 0, 0));
    }

    @CommandHandler
    void handle(RestockProductCommand command) {
        receive(command);
        requireKnown(products, command.productId().value());
    }

    /** Places an order once per id, refusing a second stream with that id as the event store does. */
    @CommandHandler
    void handle(PlaceOrderCommand command, MetaData metaData) {
        receive(command);
        Money total = command.lines().stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        OrderPlaced placed = new OrderPlaced(command.orderId(), command.customerId(), command.lines(), command.shippingAddress(),
                total, Money.zero(total.currency()), total);
        if (placements.putIfAbsent(command.orderId().value(), placed) != null) {
            throw new AggregateStreamCreationException("Cannot reuse aggregate identifier [" + command.orderId() + "]");
        }
        metadata.add(metaData);
    }

    /** The orders placed, in no particular order: one per id, however often its placement was sent. */
    public List<OrderPlaced> placements() {
        return List.copyOf(placements.values());
    }

    @QueryHandler
    OrderPlaced handle(FindOrderPlacementQuery query) {
        answer();
        queries.add(query);
        return placements.get(query.orderId().value());
    }

    @CommandHandler
    void handle(ShipOrderCommand command) {
        receive(command);
        requireKnown(orders, command.orderId().value());
    }

    @CommandHandler
    void handle(DeliverOrderCommand command) {
        receive(command);
        requireKnown(orders, command.orderId().value());
    }

    @CommandHandler
    void handle(CancelOrderCommand command, MetaData metaData) {
        receive(command);
        metadata.add(metaData);
        requireKnown(orders, command.orderId().value());
    }

    @QueryHandler
    ProductView handle(FindProductQuery query) {
        answer();
        return products.get(query.productId().value());
    }

    @QueryHandler
    List<ProductView> handle(FindAllProductsQuery query) {
        answer();
        return products.values().stream().sorted(Comparator.comparing(ProductView::name)).toList();
    }

    @QueryHandler
    List<ProductView> handle(FindProductsByIdQuery query) {
        answer();
        return query.productIds().stream().map(id -> products.get(id.value())).filter(p -> p != null).toList();
    }

    @QueryHandler
    OrderView handle(FindOrderQuery query) {
        answer();
        return orders.get(query.orderId().value());
    }

    /** Pages of the orders it has, newest first, filtered by customer and status. */
    @QueryHandler
    OrderPageView handle(FindOrdersQuery query) {
        answer();
        queries.add(query);
        List<OrderView> matching = orders.values().stream()
                .filter(order -> query.customerId() == null || query.customerId().value().equals(order.customerId()))
                .filter(order -> query.statuses().isEmpty() || query.statuses().contains(order.status()))
                .sorted(Comparator.comparing(OrderView::createdAt).thenComparing(OrderView::orderId).reversed())
                .toList();
        List<OrderView> page = matching.stream().skip((long) query.page() * query.size()).limit(query.size()).toList();
        return new OrderPageView(page, query.page(), query.size(), matching.size(),
                (matching.size() + query.size() - 1) / query.size());
    }

    @QueryHandler
    OrderCountsView handle(CountOrdersQuery query) {
        answer();
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        Map<CancellationReason, Long> byReason = new EnumMap<>(CancellationReason.class);
        orders.values().forEach(order -> {
            byStatus.merge(order.status(), 1L, Long::sum);
            if (order.cancellationReason() != null) {
                byReason.merge(order.cancellationReason(), 1L, Long::sum);
            }
        });
        return new OrderCountsView(orders.size(), byStatus, byReason);
    }

    @QueryHandler
    OrderHistoryView handle(FindOrderHistoryQuery query) {
        answer();
        OrderView order = orders.get(query.orderId().value());
        return order == null ? null : new OrderHistoryView(order.orderId(), List.of(new OrderStatusChangeView(
                0, OrderStatus.PENDING, null, "OrderPlaced", "event-0", order.createdAt(), null, null)));
    }

    @QueryHandler
    EventTimelineView handle(FindEventTimelineQuery query) {
        answer();
        queries.add(query);
        return timelines.get(query.aggregate().aggregateType() + "/" + query.aggregateId());
    }

    @QueryHandler
    ReadModelRebuildView handle(FindReadModelRebuildQuery query) {
        answer();
        ReadModelRebuildView rebuild = rebuilds.get(query.rebuildId());
        return rebuild != null && rebuild.readModel().equals(query.readModel()) ? rebuild : null;
    }

    @QueryHandler
    List<ReadModelView> handle(FindReadModelsQuery query) {
        answer();
        return List.of(new ReadModelView("order-details", 1, Instant.parse("2026-03-01T10:00:00Z"), 0));
    }

    @QueryHandler
    DeadLettersView handle(FindDeadLettersQuery query) {
        answer();
        queries.add(query);
        return deadLetters;
    }

    @CommandHandler
    Object handle(ReplayReadModelCommand command) {
        receive(command);
        return results.get(command.getClass().getName());
    }

    @CommandHandler
    Object handle(VerifyReadModelCommand command) {
        receive(command);
        return results.get(command.getClass().getName());
    }

    @CommandHandler
    Object handle(RetryDeadLettersCommand command) {
        receive(command);
        return results.get(command.getClass().getName());
    }

    @CommandHandler
    Object handle(EvictDeadLetterSequenceCommand command) {
        receive(command);
        return results.get(command.getClass().getName());
    }

    private void receive(Object command) {
        commands.add(command);
        lastCommandThread = Thread.currentThread().getName();
        if (!await(commandGate)) {
            return;
        }
        RuntimeException failure = commandFailures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    private void answer() {
        lastQueryThread = Thread.currentThread().getName();
        if (!await(queryGate)) {
            return;
        }
        RuntimeException failure = queryFailures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    /** What an event-sourced repository does when an aggregate has no events. */
    private static void requireKnown(Map<String, ?> aggregates, String id) {
        if (!aggregates.containsKey(id)) {
            throw new AggregateNotFoundException(id, "The aggregate was not found in the event store");
        }
    }

    /** Waits at the gate; false when a reset opened it, so a hung handler of an old test leaves the next one alone. */
    private boolean await(CountDownLatch gate) {
        int before = generation.get();
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return before == generation.get();
    }
}

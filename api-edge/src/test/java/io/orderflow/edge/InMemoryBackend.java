package io.orderflow.edge;

import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.FindAllProductsQuery;
import io.orderflow.contracts.inventory.FindProductQuery;
import io.orderflow.contracts.inventory.FindProductsByIdQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.inventory.RestockProductCommand;
import io.orderflow.contracts.order.DeliverOrderCommand;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.ShipOrderCommand;
import java.util.Comparator;
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
import org.axonframework.queryhandling.QueryHandler;

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

    public void reset() {
        generation.incrementAndGet();
        commandGate.countDown();
        queryGate.countDown();
        products.clear();
        orders.clear();
        commands.clear();
        metadata.clear();
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

    @CommandHandler
    void handle(PlaceOrderCommand command, MetaData metaData) {
        receive(command);
        metadata.add(metaData);
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

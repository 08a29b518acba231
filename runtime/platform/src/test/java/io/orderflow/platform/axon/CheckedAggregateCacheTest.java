package io.orderflow.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.orderflow.platform.db.DatabaseConfiguration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The checked aggregate cache on the real event store: a cached aggregate is looked at in the store once per
 * unit of work, however many commands of that unit of work load it (Axon's repository keeps what a unit of work
 * loaded in its root, so later loads never reach the cache), and one that another writer moved on is loaded
 * afresh. Look-ups of the store's last sequence number are counted on the event store the cache is given.
 */
@SpringBootTest(classes = CheckedAggregateCacheTest.App.class,
        properties = {"orderflow.kafka.bootstrap-servers=localhost:1", "axon.axonserver.enabled=false"})
class CheckedAggregateCacheTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({DatabaseConfiguration.class, AxonPersistenceConfiguration.class})
    static class App {
    }

    @Autowired EventStore eventStore;
    @Autowired TransactionManager transactionManager;

    private final AtomicInteger checks = new AtomicInteger();
    private EventSourcingRepository<Counter> repository;

    @BeforeEach
    void repositoryWithACheckedCache() {
        EventStore counting = (EventStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EventStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("lastSequenceNumberFor")) {
                        checks.incrementAndGet();
                    }
                    try {
                        return method.invoke(eventStore, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ObjectProvider<EventStore> provider = new ObjectProvider<>() {
            @Override
            public EventStore getObject(Object... args) {
                return counting;
            }

            @Override
            public EventStore getObject() {
                return counting;
            }

            @Override
            public EventStore getIfAvailable() {
                return counting;
            }

            @Override
            public EventStore getIfUnique() {
                return counting;
            }
        };
        repository = EventSourcingRepository.builder(Counter.class)
                .eventStore(eventStore)
                // a bounded cache holds its entries: a weak one may lose the aggregate to a collection between the units of work
                .cache(new CheckedAggregateCache(new BoundedCache(100), provider))
                .build();
    }

    @Test
    void looksAtTheStoreOncePerUnitOfWorkWhateverTheCommandsInIt() {
        String id = created();
        checks.set(0);

        inUnitOfWork(() -> {
            for (int i = 0; i < 3; i++) {
                inNestedUnitOfWork(() -> repository.load(id).execute(Counter::increment));
            }
        });
        assertThat(checks).as("three commands in one unit of work").hasValue(1);

        inUnitOfWork(() -> inNestedUnitOfWork(() -> repository.load(id).execute(Counter::increment)));
        assertThat(checks).as("the next unit of work looks again").hasValue(2);
        inUnitOfWork(() -> assertThat(repository.load(id).invoke(Counter::count)).isEqualTo(4));
    }

    @Test
    void loadsAfreshAnAggregateThatAnotherWriterMovedOn() {
        String id = created();
        inUnitOfWork(() -> repository.load(id).execute(Counter::increment));

        // another instance's command, straight into the store
        inUnitOfWork(() -> eventStore.publish(new GenericDomainEventMessage<>(Counter.class.getSimpleName(), id, 2,
                new Incremented(id))));

        inUnitOfWork(() -> assertThat(repository.load(id).invoke(Counter::count)).isEqualTo(2));
    }

    private String created() {
        String id = UUID.randomUUID().toString();
        inUnitOfWork(() -> {
            try {
                repository.newInstance(() -> new Counter(id));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return id;
    }

    private void inUnitOfWork(Runnable work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        var result = unitOfWork.executeWithResult(() -> {
            work.run();
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
    }

    private static void inNestedUnitOfWork(Runnable work) {
        DefaultUnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        nested.execute(work);
    }

    public record Created(String id) {
    }

    public record Incremented(String id) {
    }

    /** Counts its increments. */
    public static class Counter {

        @AggregateIdentifier
        private String id;
        private int count;

        Counter() {
        }

        Counter(String id) {
            apply(new Created(id));
        }

        void increment() {
            apply(new Incremented(id));
        }

        int count() {
            return count;
        }

        @EventSourcingHandler
        void on(Created event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Incremented event) {
            count++;
        }
    }
}

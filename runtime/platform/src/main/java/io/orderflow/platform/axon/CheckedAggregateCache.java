package io.orderflow.platform.axon;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * An aggregate cache that hands out an aggregate only while the event store holds no newer event of it.
 *
 * <p>Axon's caching repository trusts its cache: it evicts an entry when a unit of work rolls back, but
 * never looks whether another instance has appended events since. A command that appends an event to a
 * stale aggregate fails on the store's unique (aggregate, sequence) key and is retried with a fresh load,
 * but a command that decides to do nothing (releasing a reservation it cannot see) would be lost without
 * any error. So every cache hit costs one indexed {@code max(sequence_number)} lookup, in the command's
 * transaction, instead of reading the aggregate's snapshot and events; a hit whose version is behind the
 * store is dropped and the aggregate is loaded from the store.
 */
final class CheckedAggregateCache implements Cache {

    private final Cache delegate;
    private final ObjectProvider<EventStore> eventStore;

    CheckedAggregateCache(Cache delegate, ObjectProvider<EventStore> eventStore) {
        this.delegate = delegate;
        this.eventStore = eventStore;
    }

    /**
     * Backs every {@link Cache} bean (the aggregates' caches, named in their {@code @Aggregate} annotations) by a
     * {@link BoundedCache} of {@code maximumSize} aggregates, checked against the event store. The aggregate
     * modules declare which aggregates are cached; how they are held is the platform's choice.
     */
    static BeanPostProcessor wrappingEveryCache(ObjectProvider<EventStore> eventStore, long maximumSize) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Cache && !(bean instanceof CheckedAggregateCache)
                        ? new CheckedAggregateCache(new BoundedCache(maximumSize), eventStore) : bean;
            }
        };
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !isCurrent(key, entry)) {
            delegate.remove(key);
            return null;
        }
        return value;
    }

    private boolean isCurrent(Object key, AggregateCacheEntry<?> entry) {
        Long cachedVersion;
        try {
            // An in-memory entry hands back the aggregate it holds, whatever the arguments; only a
            // deserialized entry would rebuild it from them, and then its version is unknown here.
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
            cachedVersion = aggregate.version();
        } catch (RuntimeException unknown) {
            return false;
        }
        Long storedVersion = eventStore.getObject().lastSequenceNumberFor(key.toString()).orElse(null);
        return storedVersion == null ? cachedVersion == null : storedVersion.equals(cachedVersion);
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }
}

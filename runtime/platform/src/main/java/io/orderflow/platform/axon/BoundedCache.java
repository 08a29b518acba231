package io.orderflow.platform.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An Axon {@link Cache} that holds its entries strongly, up to {@code maximumSize}, evicting the least
 * recently used (Caffeine). Axon's {@code WeakReferenceCache} loses an aggregate at the first garbage
 * collection after it was last used: under load that is every second, so nearly every command read its
 * aggregate's events again.
 */
final class BoundedCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final CopyOnWriteArrayList<EntryListener> listeners = new CopyOnWriteArrayList<>();

    BoundedCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build().asMap();
    }

    @SuppressWarnings("unchecked")
    @Override
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> {
            T value = valueSupplier.get();
            if (value == null) {
                throw new IllegalArgumentException("The value supplier of the cache produced null for key [" + key + "]");
            }
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
            return value;
        });
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        for (Map.Entry<Object, Object> entry : Map.copyOf(entries).entrySet()) {
            remove(entry.getKey());
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @SuppressWarnings("unchecked")
    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> {
            V updated = update.apply((V) value);
            listeners.forEach(listener -> listener.onEntryUpdated(key, updated));
            return updated;
        });
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}

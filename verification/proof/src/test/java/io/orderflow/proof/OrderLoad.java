package io.orderflow.proof;

import io.orderflow.testsupport.process.Net;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of orders through the edge of every instance, as customers would place them: each
 * worker registers a customer, logs in, and places orders with an {@code Idempotency-Key}. When an
 * instance does not answer (killed, restarting, database away), the same request with the same key is
 * sent again, to any instance, a bounded number of times: an order is placed at most once per key.
 * Bounded by time and by count.
 */
final class OrderLoad implements AutoCloseable {

    private static final int RETRIES_PER_KEY = 20;
    private static final int ORDERS_PER_CUSTOMER = 50;

    private final List<AppInstance> instances;
    private final List<String> productIds;
    private final int workers;
    private final Duration pause;
    private final long maxOrders;
    private final long seed;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, String> orderOfKey = new ConcurrentHashMap<>();
    private final List<String> keyConflicts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong retriedKeys = new AtomicLong();
    private final AtomicLong abandonedKeys = new AtomicLong();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile long deadline;

    OrderLoad(List<AppInstance> instances, List<String> productIds, int workers, Duration pause, long maxOrders, long seed) {
        this.instances = instances;
        this.productIds = productIds;
        this.workers = workers;
        this.pause = pause;
        this.maxOrders = maxOrders;
        this.seed = seed;
    }

    /** Starts the workers; they stop by themselves after {@code duration} or {@code maxOrders}. */
    void start(Duration duration) {
        deadline = System.nanoTime() + duration.toNanos();
        for (int i = 0; i < workers; i++) {
            int worker = i;
            Thread thread = new Thread(() -> run(worker), "proof-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops placing new orders and waits (bounded) for the requests in flight. */
    void stop() {
        stopped.set(true);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(120).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Set<String> acceptedOrderIds() {
        return Set.copyOf(accepted);
    }

    String summary() {
        return "orders accepted=" + accepted.size() + ", requests=" + attempts.get() + ", unanswered=" + unanswered.get()
                + ", keys retried=" + retriedKeys.get() + ", keys abandoned=" + abandonedKeys.get() + ", statuses=" + new HashMap<>(statuses);
    }

    long abandonedKeys() {
        return abandonedKeys.get();
    }

    /** Idempotency keys that answered two different orders: must stay empty. */
    List<String> keyConflicts() {
        return List.copyOf(keyConflicts);
    }

    private boolean running() {
        return !stopped.get() && System.nanoTime() < deadline && sequence.get() < maxOrders;
    }

    private void run(int worker) {
        Random random = new Random(seed * 31 + worker);
        String token = null;
        int placedByCustomer = 0;
        while (running()) {
            ShopClient client = new ShopClient(instances.get(random.nextInt(instances.size())).baseUrl());
            if (token == null || placedByCustomer >= ORDERS_PER_CUSTOMER) {
                token = client.newCustomerToken();
                placedByCustomer = 0;
                if (token == null) {
                    Net.sleep(Duration.ofMillis(500));
                    continue;
                }
            }
            sequence.incrementAndGet();
            placeWithRetries(token, order(random), random);
            placedByCustomer++;
            Net.sleep(pause);
        }
    }

    private void placeWithRetries(String token, Map<String, Integer> lines, Random random) {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < RETRIES_PER_KEY; attempt++) {
            if (attempt == 1) {
                retriedKeys.incrementAndGet();
            }
            ShopClient client = new ShopClient(instances.get(random.nextInt(instances.size())).baseUrl());
            attempts.incrementAndGet();
            ShopClient.Answer answer = client.placeOrder(token, key, lines);
            statuses.merge(answer.status(), 1L, Long::sum);
            if (answer.is(202) || answer.is(200) || answer.is(201)) {
                String orderId = answer.text("orderId");
                accepted.add(orderId);
                String previous = orderOfKey.putIfAbsent(key, orderId);
                if (previous != null && !previous.equals(orderId)) {
                    keyConflicts.add(key + " answered " + previous + " and then " + orderId);
                }
                return;
            }
            if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 409 && answer.status() != 429) {
                // refused for good (e.g. 422): nothing was placed under this key
                return;
            }
            if (answer.status() == 0) {
                unanswered.incrementAndGet();
            }
            // down, 5xx, or the key's first request still in flight (409): the same key again, a little later
            Net.sleep(Duration.ofMillis(500 + random.nextInt(1000)));
        }
        abandonedKeys.incrementAndGet();
    }

    private Map<String, Integer> order(Random random) {
        Map<String, Integer> lines = new HashMap<>();
        int count = 1 + random.nextInt(Math.min(2, productIds.size()));
        while (lines.size() < count) {
            lines.put(productIds.get(random.nextInt(productIds.size())), 1 + random.nextInt(2));
        }
        return lines;
    }

    @Override
    public void close() {
        stop();
    }
}

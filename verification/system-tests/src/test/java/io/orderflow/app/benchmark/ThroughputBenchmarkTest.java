package io.orderflow.app.benchmark;

import io.orderflow.platform.axon.ProcessorLag;
import io.orderflow.app.OrderflowTest;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.PlaceOrderCommand;
import io.orderflow.contracts.order.ShippingAddress;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Prints throughput figures; asserts nothing about time. Run with
 * {@code ./mvnw -DskipTests install && ./mvnw -pl :system-tests -am test -Pbenchmark}. Sizes:
 * {@code -Dbenchmark.orders=2000 -Dbenchmark.concurrency=16}.
 */
@Tag("benchmark")
@OrderflowTest
// production timings: the tests' short payment deadline and step retry would fire under load and add work
@TestPropertySource(properties = {"orderflow.saga.payment-timeout=PT30S"})
class ThroughputBenchmarkTest {

    private static final int ORDERS = Integer.getInteger("benchmark.orders", 2000);
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 16);

    @Autowired CommandGateway commandGateway;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Value("${orderflow.auth.admin.email}") String adminEmail;
    @org.springframework.beans.factory.annotation.Value("${orderflow.auth.admin.password}") String adminPassword;

    @Test
    void placeOrderCommandsPerSecond() throws Exception {
        ProductId product = aProduct(ORDERS * 2);
        List<OrderLine> lines = List.of(new OrderLine(product, "Benchmark beans", 1, Money.of("10.00", "EUR")));
        warmUp(product, lines);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < ORDERS; i++) {
            threads.submit(() -> {
                try {
                    commandGateway.sendAndWait(new PlaceOrderCommand(OrderId.random(), CustomerId.of("bench"), lines, address()));
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        report("PlaceOrderCommand through the command bus (8 threads, saga and processors running)",
                "%d commands in %.2f s = %.0f commands/s, %d failed", ORDERS, seconds, ORDERS / seconds, failures.get());
        awaitSettled(ORDERS + 50, Duration.ofMinutes(10));
    }

    @Test
    void ordersPerSecondFromHttpAcceptToTerminalState() {
        ProductId product = aProduct(ORDERS * 2);
        WebClient http = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOfANewCustomer()).build();
        ConcurrentLinkedQueue<Long> acceptNanos = new ConcurrentLinkedQueue<>();
        List<String> orderIds = new ArrayList<>();
        Map<String, Object> body = Map.of(
                "lines", List.of(Map.of("productId", product.value(), "quantity", 1)),
                "shippingAddress", Map.of("name", "Bench", "line1", "1 Loop Road", "city", "Berlin", "postalCode", "10115", "country", "DE"));

        ResourceUsage before = ResourceUsage.now(jdbc);
        CpuProfile profile = CpuProfile.start("orders-end-to-end");
        long start = System.nanoTime();
        Flux.range(0, ORDERS)
                .flatMap(i -> Mono.defer(() -> {
                    long sent = System.nanoTime();
                    return http.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                            .retrieve().bodyToMono(Map.class)
                            .doOnNext(response -> acceptNanos.add(System.nanoTime() - sent));
                }), CONCURRENCY)
                .doOnNext(response -> {
                    synchronized (orderIds) {
                        orderIds.add((String) response.get("orderId"));
                    }
                })
                .blockLast(Duration.ofMinutes(10));
        double acceptedAfter = (System.nanoTime() - start) / 1e9;
        long settledAt = awaitSettledOrders(orderIds, Duration.ofMinutes(10));
        double settledAfter = (settledAt - start) / 1e9;

        long[] latencies = acceptNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        report("Orders end to end over HTTP (" + CONCURRENCY + " concurrent clients, payment service at defaults)",
                "%d orders accepted in %.2f s (%.0f/s); all CONFIRMED or CANCELLED after %.2f s = %.0f orders/s end to end%n"
                        + "    accept latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                ORDERS, acceptedAfter, ORDERS / acceptedAfter, settledAfter, ORDERS / settledAfter,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), latencies[latencies.length - 1] / 1e6);
        profile.printSummary(20);
        profile.close();
        ResourceUsage.now(jdbc).printSince(before, ORDERS, jdbc);
        printSlowestProcessor();
    }

    /** Orders are placed as a customer of their own, who is the subject of the token. */
    private String tokenOfANewCustomer() {
        String email = "bench-" + java.util.UUID.randomUUID() + "@orderflow.test";
        WebClient.create("http://localhost:" + port).post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "benchmark-password", "name", "Bench"))
                .retrieve().toBodilessEntity().block(Duration.ofSeconds(30));
        return tokenOf(email, "benchmark-password");
    }

    private String tokenOf(String email, String password) {
        return (String) WebClient.create("http://localhost:" + port).post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30)).get("accessToken");
    }

    /** Replays and verifies the order details over everything the store holds after {@code ORDERS} more orders. */
    @Test
    void replayAndVerificationOfTheOrderDetails() throws Exception {
        ProductId product = aProduct(ORDERS * 2);
        List<OrderLine> lines = List.of(new OrderLine(product, "Benchmark beans", 1, Money.of("10.00", "EUR")));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < ORDERS; i++) {
            threads.submit(() -> commandGateway.sendAndWait(
                    new PlaceOrderCommand(OrderId.random(), CustomerId.of("bench-replay"), lines, address())));
        }
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.MINUTES);
        awaitSettled(ORDERS, Duration.ofMinutes(10));
        WebClient http = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + tokenOf(adminEmail, adminPassword)).build();
        long events = jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
        long orders = jdbc.queryForObject("SELECT count(*) FROM projections.order_view", Long.class);

        long start = System.nanoTime();
        Map<?, ?> replay = rebuild(http, "/api/admin/projections/order-details/replay");
        double replaySeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Map<?, ?> verification = rebuild(http, "/api/admin/projections/order-details/verify");
        double verifySeconds = (System.nanoTime() - start) / 1e9;

        report("Replay and verification of order-details (" + orders + " orders, the processors running)",
                "replay %s: %s events read in %.2f s = %.0f events/s (POST to COMPLETED)%n"
                        + "    verification %s: %s rows compared, %s differences, in %.2f s",
                replay.get("state"), replay.get("processedEvents"), replaySeconds,
                ((Number) replay.get("processedEvents")).longValue() / replaySeconds,
                verification.get("state"), ((Map<?, ?>) verification.get("verification")).get("rowsCompared"),
                ((Map<?, ?>) verification.get("verification")).get("differenceCount"), verifySeconds);
        System.out.printf("    event store: %d events%n", events);
    }

    private Map<?, ?> rebuild(WebClient http, String path) {
        String location = http.post().uri(path).retrieve().toBodilessEntity().block(Duration.ofSeconds(30))
                .getHeaders().getLocation().toString();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            Map<?, ?> status = http.get().uri(location).retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
            if (List.of("COMPLETED", "FAILED", "ABANDONED").contains(String.valueOf(status.get("state")))) {
                return status;
            }
            sleep(100);
        }
        throw new AssertionError(path + " did not finish");
    }

    /** A product in the catalogue read model: orders over HTTP are priced from it. */
    private ProductId aProduct(int stock) {
        ProductId product = ProductId.random();
        commandGateway.sendAndWait(new AddProductCommand(product, "Benchmark beans", Money.of("10.00", "EUR"), stock));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && jdbc.queryForObject(
                "SELECT count(*) FROM projections.product_view WHERE product_id = ?", Integer.class, product.value()) == 0) {
            sleep(50);
        }
        return product;
    }

    private void warmUp(ProductId product, List<OrderLine> lines) {
        for (int i = 0; i < 50; i++) {
            commandGateway.sendAndWait(new PlaceOrderCommand(OrderId.random(), CustomerId.of("warm-up"), lines, address()));
        }
    }

    private void awaitSettled(int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && settledCount("customer_id IN ('bench', 'warm-up', 'bench-replay')") < atLeast) {
            sleep(200);
        }
    }

    private long awaitSettledOrders(List<String> orderIds, Duration timeout) {
        String[] ids = orderIds.toArray(String[]::new);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextLagSample = 0;
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() > nextLagSample) {
                printProcessorLag();
                nextLagSample = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            Integer settled = jdbc.queryForObject("SELECT count(*) FROM projections.order_view WHERE order_id = ANY(?) "
                    + "AND status IN ('CONFIRMED', 'CANCELLED')", Integer.class, (Object) ids);
            if (settled != null && settled >= ids.length) {
                return System.nanoTime();
            }
            sleep(50);
        }
        throw new AssertionError("orders did not settle within " + timeout);
    }

    private final Map<String, Long> maxLagByProcessor = new java.util.TreeMap<>();

    private void printSlowestProcessor() {
        maxLagByProcessor.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(slowest -> System.out.printf(
                "    slowest processor: %s, at most %d events behind the head (all: %s)%n", slowest.getKey(), slowest.getValue(), maxLagByProcessor));
    }

    /** How far each processor's slowest segment is behind the head of the event store, in events. */
    private void printProcessorLag() {
        ProcessorLag.Snapshot lag = new ProcessorLag(jdbc).snapshot();
        StringBuilder line = new StringBuilder("    lag behind head " + lag.head() + ":");
        lag.positions().keySet().forEach(processor -> {
            maxLagByProcessor.merge(processor, lag.lagOf(processor), Math::max);
            line.append(' ').append(processor).append('=').append(lag.lagOf(processor));
        });
        System.out.println(line);
    }

    private int settledCount(String where) {
        return jdbc.queryForObject("SELECT count(*) FROM projections.order_view WHERE status IN ('CONFIRMED', 'CANCELLED') AND "
                + where, Integer.class);
    }

    private static double percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(index, 0)] / 1e6;
    }

    private static ShippingAddress address() {
        return new ShippingAddress("Bench", "1 Loop Road", null, "Berlin", "10115", "DE");
    }

    private static void report(String what, String format, Object... args) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%n=== %s%n    %s%n    machine: %d cores (%s), %d MB RAM, %s %s, Java %s, max heap %d MB, load average %.1f%n",
                what, String.format(format, args), os.getAvailableProcessors(), cpuModel(),
                ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize() / (1024 * 1024), os.getName(), os.getArch(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024), os.getSystemLoadAverage());
    }

    private static String cpuModel() {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.orderflow.proof;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The benchmark's load generator, in a JVM of its own so that its CPU is counted apart from the
 * application's. It places orders over keep-alive HTTP connections, each with its own
 * {@code Idempotency-Key}, and writes one line per request: when it was due, how long the answer took,
 * the status, the order id and the problem code. Three shapes of load:
 * <ul>
 * <li>{@code closed}: {@code connections} clients, each sending its next order when its last was answered;
 * <li>{@code open}: {@code rate} orders per second for {@code duration}, whatever the answers (latency counts
 * from when a request was due, so a slow server cannot hide its queue);
 * <li>{@code sequential}: one order at a time, each followed until it is settled, then a pause.
 * </ul>
 * It stays up for a whole benchmark, so that its own warm-up is paid once: every line on its standard input
 * names a settings file of one run, whose output file it writes, followed by {@code <output>.done}.
 */
public final class LoadGenerator {

    private static final Pattern ORDER_ID = Pattern.compile("/api/orders/([^/?\"]+)");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final String ADDRESS = "{\"name\":\"Bench Customer\",\"line1\":\"1 Loopback Road\",\"city\":\"Localhost\","
            + "\"postalCode\":\"12345\",\"country\":\"DE\"}";

    /** One request's outcome; times in microseconds, {@code dueMicros} on the wall clock. */
    record Outcome(long dueMicros, long latencyMicros, int status, String orderId, String code, boolean retryAfter) {

        String line() {
            return dueMicros + "," + latencyMicros + "," + status + "," + (orderId == null ? "" : orderId) + ","
                    + (code == null ? "" : code) + "," + retryAfter;
        }

        static Outcome parse(String line) {
            String[] fields = line.split(",", -1);
            return new Outcome(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Integer.parseInt(fields[2]),
                    fields[3].isEmpty() ? null : fields[3], fields[4].isEmpty() ? null : fields[4], Boolean.parseBoolean(fields[5]));
        }
    }

    private final HttpClient http;
    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final List<String> tokens;
    private final List<String> products;
    private final int minLines;
    private final int maxLines;
    private final long wallMinusNanoMicros;

    private LoadGenerator(String baseUrl, int connections, List<String> tokens, List<String> products, int minLines, int maxLines) {
        this.pool = ConnectionProvider.builder("benchmark")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(5))
                .build();
        this.loops = LoopResources.create("load", 1, true);
        this.http = HttpClient.create(pool)
                .runOn(loops)
                .baseUrl(baseUrl)
                .keepAlive(true)
                .responseTimeout(Duration.ofSeconds(60));
        this.tokens = tokens;
        this.products = products;
        this.minLines = minLines;
        this.maxLines = maxLines;
        this.wallMinusNanoMicros = System.currentTimeMillis() * 1000 - System.nanoTime() / 1000;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        var commands = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String settingsFile = commands.readLine(); settingsFile != null; settingsFile = commands.readLine()) {
            if (!settingsFile.isBlank()) {
                run(Path.of(settingsFile.trim()));
            }
        }
        System.exit(0);
    }

    private static void run(Path settingsFile) throws IOException, InterruptedException {
        Properties settings = new Properties();
        try (var reader = Files.newBufferedReader(settingsFile)) {
            settings.load(reader);
        }
        long cpuBefore = processCpuNanos();
        String mode = settings.getProperty("mode");
        int connections = Integer.parseInt(settings.getProperty("connections", "16"));
        LoadGenerator generator = new LoadGenerator(settings.getProperty("url"), connections,
                Files.readAllLines(Path.of(settings.getProperty("tokens"))),
                List.of(settings.getProperty("products").split(",")),
                Integer.parseInt(settings.getProperty("lines.min", "1")),
                Integer.parseInt(settings.getProperty("lines.max", "1")));
        List<Outcome> outcomes = switch (mode) {
            case "closed" -> generator.closed(Integer.parseInt(settings.getProperty("orders")), connections);
            case "open" -> generator.open(Double.parseDouble(settings.getProperty("rate")),
                    Duration.parse(settings.getProperty("duration")));
            case "sequential" -> generator.sequential(Integer.parseInt(settings.getProperty("orders")),
                    Duration.parse(settings.getProperty("pause", "PT0.2S")));
            default -> throw new IllegalArgumentException("mode must be closed, open or sequential: " + mode);
        };
        generator.close();
        long cpuNanos = processCpuNanos() - cpuBefore;
        Path out = Path.of(settings.getProperty("out"));
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            writer.println("# cpu-nanos=" + cpuNanos);
            outcomes.forEach(outcome -> writer.println(outcome.line()));
        }
        Files.writeString(out.resolveSibling(out.getFileName() + ".done"), "");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater().block(Duration.ofSeconds(10));
    }

    /** Each client waits as long as a refusal's {@code Retry-After} asks (1 s) before its next order. */
    private List<Outcome> closed(int orders, int connections) {
        return Flux.range(0, orders)
                .flatMap(index -> place(nowMicros())
                        .delayUntil(outcome -> outcome.retryAfter() ? Mono.delay(Duration.ofSeconds(1)) : Mono.empty()), connections)
                .collectList()
                .block();
    }

    private List<Outcome> open(double rate, Duration duration) throws InterruptedException {
        int orders = (int) Math.round(rate * duration.toMillis() / 1000.0);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch answered = new CountDownLatch(orders);
        long start = System.nanoTime();
        double intervalNanos = 1e9 / rate;
        for (int i = 0; i < orders; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            place(toWallMicros(due)).subscribe(outcome -> {
                outcomes.add(outcome);
                answered.countDown();
            }, error -> answered.countDown());
        }
        answered.await(5, TimeUnit.MINUTES);
        return new ArrayList<>(outcomes);
    }

    private List<Outcome> sequential(int orders, Duration pause) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Outcome outcome = place(tokens.get(0), nowMicros()).block();
            outcomes.add(outcome);
            if (outcome.orderId() != null) {
                awaitSettled(outcome.orderId());
            }
            Thread.sleep(pause.toMillis());
        }
        return outcomes;
    }

    /** Places one random order for a random customer; {@code dueMicros} is when it was meant to be sent, on the wall clock. */
    private Mono<Outcome> place(long dueMicros) {
        return place(tokens.get(ThreadLocalRandom.current().nextInt(tokens.size())), dueMicros);
    }

    private Mono<Outcome> place(String token, long dueMicros) {
        String body = orderBody();
        return http.headers(headers -> headers
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .set("Idempotency-Key", UUID.randomUUID().toString()))
                .post()
                .uri("/api/orders")
                .send(ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((response, content) -> content.asString().defaultIfEmpty("").map(text -> {
                    String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
                    return new Outcome(dueMicros, nowMicros() - dueMicros, response.status().code(),
                            location == null ? null : first(ORDER_ID, location), first(CODE, text),
                            response.responseHeaders().contains(HttpHeaderNames.RETRY_AFTER));
                }))
                .onErrorResume(error -> Mono.just(new Outcome(dueMicros, nowMicros() - dueMicros, 0, null,
                        error.getClass().getSimpleName(), false)));
    }

    private void awaitSettled(String orderId) throws InterruptedException {
        String token = tokens.get(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String status = http.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token))
                    .get()
                    .uri("/api/orders/" + orderId)
                    .responseSingle((response, content) -> content.asString().defaultIfEmpty(""))
                    .map(text -> {
                        String found = first(STATUS, text);
                        return found == null ? "" : found;
                    })
                    .onErrorReturn("")
                    .block();
            if ("CONFIRMED".equals(status) || "CANCELLED".equals(status)) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private String orderBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int lines = Math.min(products.size(), minLines + random.nextInt(maxLines - minLines + 1));
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < lines) {
            chosen.add(products.get(random.nextInt(products.size())));
        }
        StringBuilder body = new StringBuilder("{\"lines\":[");
        for (String product : chosen) {
            body.append(body.length() > 10 ? "," : "").append("{\"productId\":\"").append(product).append("\",\"quantity\":1}");
        }
        return body.append("],\"shippingAddress\":").append(ADDRESS).append('}').toString();
    }

    private long nowMicros() {
        return toWallMicros(System.nanoTime());
    }

    private long toWallMicros(long nanoTime) {
        return wallMinusNanoMicros + nanoTime / 1000;
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}

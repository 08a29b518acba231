package io.orderflow.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the application's CPU went during one workload, from its JDK Flight Recorder file
 * ({@code benchmark.app.jfr=true}): execution samples by thread (names without their numbers), by
 * layer (the first frame outside the JDK names the library that asked for the work) and by method
 * (self time).
 */
final class ApplicationProfile {

    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("io.orderflow.", "orderflow");
        LAYERS.put("org.axonframework.", "Axon Framework");
        LAYERS.put("org.postgresql.", "PostgreSQL JDBC driver");
        LAYERS.put("io.r2dbc.", "R2DBC");
        LAYERS.put("com.zaxxer.hikari.", "HikariCP");
        LAYERS.put("com.fasterxml.jackson.", "Jackson 2");
        LAYERS.put("tools.jackson.", "Jackson 3");
        LAYERS.put("org.apache.kafka.", "Kafka clients");
        LAYERS.put("reactor.kafka.", "Kafka clients");
        LAYERS.put("io.netty.", "Netty");
        LAYERS.put("reactor.", "Reactor");
        LAYERS.put("org.springframework.security.", "Spring Security");
        LAYERS.put("org.springframework.", "Spring");
        LAYERS.put("com.nimbusds.", "Nimbus JOSE");
        LAYERS.put("com.github.kagkarlsson.", "db-scheduler");
        LAYERS.put("io.micrometer.", "Micrometer");
        LAYERS.put("io.opentelemetry.", "OpenTelemetry");
        LAYERS.put("ch.qos.logback.", "Logback");
        LAYERS.put("org.slf4j.", "Logback");
        LAYERS.put("org.hibernate.validator.", "Bean Validation");
        LAYERS.put("io.github.bucket4j.", "Bucket4j");
    }

    private ApplicationProfile() {
    }

    /** A summary of the samples taken between {@code from} and {@code to}, as Markdown. */
    static String between(Path recording, Instant from, Instant to, int topMethods) {
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byLayer = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName())
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                byThread.merge(thread == null ? "?" : thread.replaceAll("\\d+", "#"), 1, Integer::sum);
                RecordedFrame top = stack.getFrames().get(0);
                byMethod.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
                byLayer.merge(layerOf(stack), 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int total = Math.max(samples, 1);
        return "Application CPU samples (JFR): %d%n%nby thread: %s%n%nby layer: %s%n%nhottest methods (self): %s%n".formatted(samples,
                shares(byThread, total, 30), shares(byLayer, total, 30), shares(byMethod, total, topMethods));
    }

    private static String shares(Map<String, Integer> counts, int total, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .filter(entry -> entry.getValue() * 200 >= total)
                .map(entry -> String.format(Locale.ROOT, "%.1f%% %s", 100.0 * entry.getValue() / total, entry.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static String layerOf(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (var layer : LAYERS.entrySet()) {
                if (type.startsWith(layer.getKey())) {
                    return layer.getValue();
                }
            }
            if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun."))) {
                return type.substring(0, Math.max(type.lastIndexOf('.'), 0));
            }
        }
        return "JDK only";
    }
}

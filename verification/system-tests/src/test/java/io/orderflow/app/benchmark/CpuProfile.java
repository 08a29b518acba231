package io.orderflow.app.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder CPU sample of this JVM while a benchmark runs, summarised as where the JVM's
 * time goes: by layer (the first frame that is not the JDK's own names the library that asked for
 * the work) and by the hottest methods. The recording is kept under {@code target/} for JDK Mission
 * Control.
 */
final class CpuProfile implements AutoCloseable {

    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("io.orderflow.", "orderflow");
        LAYERS.put("org.axonframework.", "Axon Framework");
        LAYERS.put("org.postgresql.", "PostgreSQL JDBC driver");
        LAYERS.put("io.r2dbc.postgresql.", "R2DBC PostgreSQL driver");
        LAYERS.put("com.zaxxer.hikari.", "HikariCP");
        LAYERS.put("io.r2dbc.pool.", "R2DBC pool");
        LAYERS.put("com.fasterxml.jackson.", "Jackson 2 (Axon serializer)");
        LAYERS.put("tools.jackson.", "Jackson 3 (web)");
        LAYERS.put("org.apache.kafka.", "Kafka clients");
        LAYERS.put("reactor.kafka.", "Kafka clients");
        LAYERS.put("kafka.", "Kafka broker (in-process)");
        LAYERS.put("io.netty.", "Netty");
        LAYERS.put("reactor.", "Reactor");
        LAYERS.put("org.springframework.security.", "Spring Security");
        LAYERS.put("org.springframework.", "Spring");
        LAYERS.put("com.nimbusds.", "Nimbus JOSE (JWT)");
        LAYERS.put("com.github.kagkarlsson.", "db-scheduler");
        LAYERS.put("org.flywaydb.", "Flyway");
        LAYERS.put("scala.", "Kafka broker (in-process)");
        LAYERS.put("com.yammer.metrics.", "Kafka broker (in-process)");
        LAYERS.put("io.micrometer.", "Micrometer");
        LAYERS.put("ch.qos.logback.", "Logback");
        LAYERS.put("org.hibernate.validator.", "Bean Validation");
    }

    private final Recording recording = new Recording();
    private final Path file;

    private CpuProfile(String name) {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file = Path.of("target", name + ".jfr").toAbsolutePath();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.start();
    }

    static CpuProfile start(String name) {
        return new CpuProfile(name);
    }

    /** Stops the recording and prints the summary. */
    void printSummary(int topMethods) {
        try {
            recording.stop();
            recording.dump(file);
            Map<String, Integer> byLayer = new HashMap<>();
            Map<String, Integer> byMethod = new HashMap<>();
            int samples = 0;
            for (var event : RecordingFile.readAllEvents(file)) {
                RecordedStackTrace stack = event.getStackTrace();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                RecordedFrame top = stack.getFrames().get(0);
                byMethod.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
                byLayer.merge(layerOf(stack), 1, Integer::sum);
            }
            int total = Math.max(samples, 1);
            System.out.printf("    CPU samples of this JVM (JFR, every 10 ms per running thread): %d; recording in %s%n", samples, file);
            System.out.println("      by layer (first frame outside the JDK; under 0.5 % left out):");
            byLayer.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .filter(entry -> entry.getValue() * 200 >= total)
                    .forEach(entry -> System.out.printf("        %5.1f %%  %s%n", 100.0 * entry.getValue() / total, entry.getKey()));
            System.out.println("      hottest methods (self):");
            byMethod.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(topMethods)
                    .forEach(entry -> System.out.printf("        %5.1f %%  %s%n", 100.0 * entry.getValue() / total, entry.getKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                return "other: " + type.substring(0, Math.max(type.lastIndexOf('.'), 0));
            }
        }
        return "JDK only (GC, JIT and JDK threads)";
    }

    @Override
    public void close() {
        recording.close();
    }
}

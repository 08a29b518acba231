package io.orderflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The durable embedded PostgreSQL started by a JVM of its own, which a test can SIGKILL as a crash or the
 * OOM killer would: the server it started is left running on the data directory.
 */
final class PostgresInAnotherJvm implements AutoCloseable {

    private static final String READY = "ready";

    private final Process process;

    private PostgresInAnotherJvm(Process process) {
        this.process = process;
    }

    /** Starts the JVM and waits until its PostgreSQL accepts connections. */
    static PostgresInAnotherJvm start(Path dataDirectory, Path log) {
        try {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    PostgresInAnotherJvm.class.getName(), dataDirectory.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!Files.readString(log).contains(READY)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("PostgreSQL in another JVM did not start:\n" + Files.readString(log));
                }
                Thread.sleep(100);
            }
            return new PostgresInAnotherJvm(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, so the PostgreSQL it started keeps running. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer.start(0, Path.of(args[0]));
        System.out.println(READY);
        Thread.sleep(Duration.ofMinutes(10).toMillis());
    }
}

package io.orderflow.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * An embedded PostgreSQL (zonky's binaries), one per JVM for the application, started on first use and
 * stopped when the JVM exits. Without a data directory it is a fresh, throw-away database. With one it is
 * durable: the data stays there, and commits are acknowledged only once their WAL is on disk, where zonky's
 * defaults would acknowledge first and lose the last commits in a crash.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final String description;
    /** zonky's own "closed" flag, held set so that its shutdown hook leaves the server to {@link #close()}. */
    private final AtomicBoolean zonkyClosed;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String description) {
        this.postgres = postgres;
        this.description = description;
        this.zonkyClosed = leaveTheStopToClose(postgres);
    }

    /**
     * This JVM's server, started on first use and stopped after every application context has closed, so that
     * nothing is cut off mid-transaction; or when {@code application} fails to start.
     */
    static synchronized EmbeddedPostgresServer shared(int port, Path dataDirectory, SpringApplication application) {
        if (shared == null) {
            shared = start(port, dataDirectory);
            SpringApplication.getShutdownHandlers().add(shared::close);
            application.addListeners(EmbeddedInfrastructure.closeOnFailure(shared::close));
        }
        return shared;
    }

    /** A server of its own; {@code dataDirectory} null for a fresh one that is deleted when it stops. */
    static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(STARTUP_WAIT);
            if (port > 0) {
                builder.setPort(port);
            }
            long started = System.nanoTime();
            Optional<Long> leftOver = Optional.empty();
            if (dataDirectory != null) {
                leftOver = LeftoverPostmaster.stopIfRunning(dataDirectory, STARTUP_WAIT);
                builder.setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            String description = "Embedded PostgreSQL on port " + postgres.getPort() + ", "
                    + (dataDirectory == null ? "a fresh database" : "its data kept in " + dataDirectory + " (synchronous_commit on)")
                    + leftOver.map(pid -> ", after stopping the PostgreSQL (pid " + pid + ") a killed run had left there").orElse("")
                    + "; started in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
            log.info(description);
            return new EmbeddedPostgresServer(postgres, description);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start", e);
        }
    }

    /** What was started where, for the application's log. */
    String description() {
        return description;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (zonkyClosed != null) {
            zonkyClosed.set(false);
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * zonky stops its server from a JVM shutdown hook of its own, which runs beside Spring Boot's: a graceful
     * shutdown (Ctrl-C, SIGTERM) would find its database gone under in-flight work, and wait on it. Its "closed"
     * flag, set now, makes that hook do nothing; {@link #close()} clears it and stops the server.
     */
    private static AtomicBoolean leaveTheStopToClose(EmbeddedPostgres postgres) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField("closed");
            field.setAccessible(true);
            AtomicBoolean zonkyClosed = (AtomicBoolean) field.get(postgres);
            zonkyClosed.set(true);
            return zonkyClosed;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("zonky's EmbeddedPostgres changed (no 'closed' flag): its own shutdown hook stops the server", e);
            return null;
        }
    }
}

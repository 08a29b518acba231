package io.orderflow.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/** One embedded PostgreSQL per JVM, started on first use and stopped when the JVM exits. */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** Starts the server if needed and answers its JDBC URL for the {@code postgres} database. */
    static synchronized String jdbcUrl(int port, String dataDirectory) {
        if (server == null) {
            server = start(port, dataDirectory);
        }
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    private static EmbeddedPostgres start(int port, String dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null && !dataDirectory.isBlank()) {
                builder.setDataDirectory(Path.of(dataDirectory)).setCleanDataDirectory(false);
            }
            EmbeddedPostgres started = builder.start();
            log.info("Embedded PostgreSQL started on port {}", started.getPort());
            // after every application context has closed, so nothing is cut off mid-transaction
            SpringApplication.getShutdownHandlers().add(() -> closeQuietly(started));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}

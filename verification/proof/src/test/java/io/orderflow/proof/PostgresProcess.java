package io.orderflow.proof;

import io.orderflow.testsupport.process.Net;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL as a server process of its own (zonky's binaries, a data directory under {@code target}),
 * which a test can restart in {@code immediate} mode: every backend is killed without a checkpoint, the
 * server recovers from its WAL, exactly as after a crash, while the application's connections break.
 */
final class PostgresProcess implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final Path log;
    private final EmbeddedPostgres server;
    private final File pgDir;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private int immediateRestarts;
    private int outages;
    private String stoppedWith;

    private PostgresProcess(Path dataDirectory, Path log, EmbeddedPostgres server) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.server = server;
        this.pgDir = binariesOf(server);
        this.jdbcUrl = "jdbc:postgresql://" + Net.LOOPBACK + ":" + server.getPort() + "/postgres";
        this.user = USER;
        this.password = PASSWORD;
    }

    private PostgresProcess(String jdbcUrl, String user, String password) {
        this.dataDirectory = null;
        this.log = null;
        this.server = null;
        this.pgDir = null;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** A server someone else runs (the benchmark's {@code benchmark.db.url}): it cannot be restarted from here. */
    static PostgresProcess external(String jdbcUrl, String user, String password) {
        return new PostgresProcess(jdbcUrl, user, password);
    }

    static PostgresProcess start(Path workDir) {
        return start(workDir, Map.of());
    }

    /** Started with zonky's binaries, durable ({@code fsync} and {@code synchronous_commit} on), plus {@code serverConfig}. */
    static PostgresProcess start(Path workDir, Map<String, String> serverConfig) {
        try {
            Path data = workDir.resolve("postgres-data");
            Path log = workDir.resolve("postgres.log");
            Files.createDirectories(workDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setPort(Net.freePort())
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    // zonky turns it off; a crash would then lose transactions the application saw committed
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", Net.LOOPBACK)
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres server = builder.start();
            return new PostgresProcess(data, log, server);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Path log() {
        return log;
    }

    int immediateRestarts() {
        return immediateRestarts;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * {@code pg_ctl restart -m immediate}: the postmaster kills every backend at once (no checkpoint,
     * open transactions lost), then starts again and replays its WAL. Returns once it accepts connections.
     */
    void restartImmediately() {
        pgCtl(List.of("-D", dataDirectory.toString(), "-m", "immediate", "-w", "-t", "120", "-l", log.toString(), "restart"));
        immediateRestarts++;
        if (!Net.waitUntil(Duration.ofSeconds(120), Duration.ofMillis(200), this::answers)) {
            throw new IllegalStateException("PostgreSQL did not come back after an immediate restart; see " + log);
        }
    }

    /**
     * {@code pg_ctl stop -m immediate}: every backend killed, the server gone, until {@link #startAgain()}. Its
     * command-line options (port, settings) are read first from {@code postmaster.opts}, to start it as it was.
     */
    void stopImmediately() {
        try {
            stoppedWith = Files.readString(dataDirectory.resolve("postmaster.opts")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.opts in " + dataDirectory, e);
        }
        pgCtl(List.of("-D", dataDirectory.toString(), "-m", "immediate", "-w", "-t", "120", "stop"));
        outages++;
    }

    /** Starts the server stopped by {@link #stopImmediately()} with the options it ran with; returns once it answers. */
    void startAgain() {
        // postmaster.opts: the postgres binary, then its quoted arguments; pg_ctl passes -o on to it
        String options = stoppedWith.substring(stoppedWith.indexOf(' ') + 1);
        pgCtl(List.of("-D", dataDirectory.toString(), "-o", options, "-w", "-t", "120", "-l", log.toString(), "start"));
        if (!Net.waitUntil(Duration.ofSeconds(120), Duration.ofMillis(200), this::answers)) {
            throw new IllegalStateException("PostgreSQL did not come back after a stop; see " + log);
        }
    }

    int outages() {
        return outages;
    }

    boolean answers() {
        try (Connection connection = connect()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            // the server may already be gone; its data directory stays for a post-mortem
        }
    }

    private void pgCtl(List<String> args) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // as zonky does: PostgreSQL refuses to run as root, a user namespace makes it someone else
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(new File(pgDir, "bin/pg_ctl").getPath());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + args + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** zonky does not publish where it unpacked the binaries; they are needed for {@code pg_ctl}. */
    private static File binariesOf(EmbeddedPostgres server) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField("pgDir");
            field.setAccessible(true);
            return (File) field.get(server);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("zonky's EmbeddedPostgres changed: no pgDir field", e);
        }
    }
}

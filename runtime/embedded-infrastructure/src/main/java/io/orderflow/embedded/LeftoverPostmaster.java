package io.orderflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL left running on a durable data directory by a JVM that was killed (SIGKILL, the OOM killer):
 * {@code pg_ctl} starts the server in a session of its own, so it outlives the JVM that started it, and a new
 * one could not start on the same directory. It is stopped (smart shutdown: the dead JVM's sessions are gone
 * already) before the embedded server starts again. A directory that another live process uses is refused.
 */
final class LeftoverPostmaster {

    /** PostgreSQL's lock file: its first line is the postmaster's process id. */
    static final String PID_FILE = "postmaster.pid";
    /** zonky's lock, held by the JVM whose embedded server runs on the directory. */
    static final String JVM_LOCK_FILE = "epg-lock";

    private LeftoverPostmaster() {
    }

    /** Answers the process id of the server it stopped, if there was one. */
    static Optional<Long> stopIfRunning(Path dataDirectory, Duration timeout) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        refuseIfInUse(dataDirectory);
        Optional<ProcessHandle> running = pidIn(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (running.isEmpty()) {
            return Optional.empty(); // a stale file after a crash: PostgreSQL replaces it when it starts
        }
        ProcessHandle process = running.get();
        if (!isPostgres(process)) {
            throw new IllegalStateException(pidFile + " names process " + process.pid() + ", which is not PostgreSQL ("
                    + process.info().command().orElse("unknown command") + "). If no PostgreSQL runs on " + dataDirectory
                    + ", delete that file and start again.");
        }
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(process.pid());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL (pid " + process.pid() + ") left on " + dataDirectory
                    + " did not stop within " + timeout + "; stop it and start again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL " + process.pid(), e);
        }
    }

    private static void refuseIfInUse(Path dataDirectory) {
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(JVM_LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check whether " + dataDirectory + " is in use", e);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException(dataDirectory + " is in use by another running instance; "
                + "stop it, or give this one another orderflow.data-directory");
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // unreadable or half-written: PostgreSQL judges it when it starts
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
    }
}

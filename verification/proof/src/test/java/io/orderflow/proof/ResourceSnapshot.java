package io.orderflow.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readings of what the machine and PostgreSQL have done so far, for the benchmark to subtract: CPU time of
 * each process group (from {@code /proc}), of the whole machine, and PostgreSQL's write counters.
 *
 * <p>PostgreSQL publishes a backend's table counters when it goes idle, after up to 10 seconds
 * ({@code PGSTAT_IDLE_INTERVAL}); the write counters are therefore read after {@link #STATS_SETTLE}. Write
 * transactions are counted exactly from the transaction id horizon, which needs no statistics.
 */
final class ResourceSnapshot {

    static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    static final java.time.Duration STATS_SETTLE = java.time.Duration.ofSeconds(11);

    private ResourceSnapshot() {
    }

    /** PostgreSQL's counters: write transactions (xids), commits as the statistics count them, row writes, WAL. */
    record Database(long xids, long commits, long rowsInserted, long rowsUpdated, long rowsDeleted, String walPosition,
                    Map<String, long[]> rowsByTable) {

        static Database read(Connection connection) {
            try (Statement statement = connection.createStatement()) {
                long xids;
                try (ResultSet row = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
                    row.next();
                    xids = row.getLong(1);
                }
                long commits;
                try (ResultSet row = statement.executeQuery(
                        "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                    row.next();
                    commits = row.getLong(1);
                }
                Map<String, long[]> tables = new LinkedHashMap<>();
                long inserted = 0;
                long updated = 0;
                long deleted = 0;
                try (ResultSet rows = statement.executeQuery("SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del"
                        + " FROM pg_stat_all_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')")) {
                    while (rows.next()) {
                        long[] counts = {rows.getLong(2), rows.getLong(3), rows.getLong(4)};
                        tables.put(rows.getString(1), counts);
                        inserted += counts[0];
                        updated += counts[1];
                        deleted += counts[2];
                    }
                }
                String wal;
                try (ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                    row.next();
                    wal = row.getString(1);
                }
                return new Database(xids, commits, inserted, updated, deleted, wal, tables);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL's counters could not be read", e);
            }
        }

        long rowWrites() {
            return rowsInserted + rowsUpdated + rowsDeleted;
        }
    }

    /** CPU ticks of the named processes: for PostgreSQL its postmaster with reaped and live children. */
    static Map<String, Long> cpuOf(Map<String, ProcessGroup> groups) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        groups.forEach((name, group) -> ticks.put(name, group.ticks()));
        return ticks;
    }

    /** One process, or a server process and its children. */
    record ProcessGroup(long pid, boolean withChildren) {

        long ticks() {
            if (pid <= 0) {
                return -1;
            }
            long ticks = processTicks(pid, withChildren);
            if (withChildren) {
                for (ProcessHandle child : ProcessHandle.allProcesses()
                        .filter(process -> process.parent().map(ProcessHandle::pid).orElse(-1L) == pid).toList()) {
                    ticks += Math.max(processTicks(child.pid(), false), 0);
                }
            }
            return ticks;
        }

        /** PostgreSQL's postmaster, from the first line of {@code postmaster.pid} in its data directory. */
        static ProcessGroup postgres(Connection connection) {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SHOW data_directory")) {
                row.next();
                Path pidFile = Path.of(row.getString(1), "postmaster.pid");
                return new ProcessGroup(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()), true);
            } catch (SQLException | IOException | RuntimeException unreadable) {
                return new ProcessGroup(-1, true);
            }
        }
    }

    /** utime + stime (and the reaped children's cutime + cstime) of one process, in ticks; -1 when it is gone. */
    static long processTicks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** Busy ticks of the whole machine: user, nice, system, irq and softirq of every core (not idle, iowait or steal). */
    static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
                    + Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}

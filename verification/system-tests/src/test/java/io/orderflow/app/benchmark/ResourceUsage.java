package io.orderflow.app.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a stretch of work cost: CPU seconds of this JVM (application and load generator) and of the
 * PostgreSQL server, and what PostgreSQL wrote (transactions, rows per table, WAL bytes). Taken
 * before and after, printed per order.
 */
final class ResourceUsage {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long jvmCpuNanos;
    private final long postgresCpuTicks;
    private final long commits;
    private final long rollbacks;
    private final String walPosition;
    private final Map<String, long[]> rowsWrittenByTable;

    private ResourceUsage(long jvmCpuNanos, long postgresCpuTicks, long commits, long rollbacks, String walPosition,
                          Map<String, long[]> rowsWrittenByTable) {
        this.jvmCpuNanos = jvmCpuNanos;
        this.postgresCpuTicks = postgresCpuTicks;
        this.commits = commits;
        this.rollbacks = rollbacks;
        this.walPosition = walPosition;
        this.rowsWrittenByTable = rowsWrittenByTable;
    }

    static ResourceUsage now(JdbcTemplate jdbc) {
        // PostgreSQL publishes a backend's counters at most once a second: let them arrive
        sleep(1500);
        var database = jdbc.queryForMap("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()");
        Map<String, long[]> tables = new HashMap<>();
        jdbc.query("SELECT schemaname || '.' || relname AS name, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_all_tables "
                        + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')",
                row -> {
                    tables.put(row.getString("name"), new long[] {row.getLong("n_tup_ins"), row.getLong("n_tup_upd"), row.getLong("n_tup_del")});
                });
        return new ResourceUsage(
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(),
                postgresCpuTicks(jdbc.queryForObject("SHOW data_directory", String.class)),
                ((Number) database.get("xact_commit")).longValue(),
                ((Number) database.get("xact_rollback")).longValue(),
                jdbc.queryForObject("SELECT pg_current_wal_lsn()::text", String.class),
                tables);
    }

    /** Prints what happened between {@code before} and this snapshot, divided by {@code orders}. */
    void printSince(ResourceUsage before, long orders, JdbcTemplate jdbc) {
        double jvmSeconds = (jvmCpuNanos - before.jvmCpuNanos) / 1e9;
        double postgresSeconds = (postgresCpuTicks - before.postgresCpuTicks) / (double) CLOCK_TICKS_PER_SECOND;
        long walBytes = jdbc.queryForObject("SELECT pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)::bigint", Long.class,
                walPosition, before.walPosition);
        System.out.printf("    cost per order (%d orders): CPU %.1f ms in the JVM (application + load generator) + %.1f ms in PostgreSQL%s;%n"
                        + "      %.1f transactions committed (%.2f rolled back), %.1f KB of WAL%n",
                orders, jvmSeconds * 1000 / orders, postgresSeconds * 1000 / orders,
                postgresCpuTicks < 0 ? " (PostgreSQL's CPU not readable here)" : "",
                (commits - before.commits) / (double) orders, (rollbacks - before.rollbacks) / (double) orders,
                walBytes / 1024.0 / orders);
        List<String[]> rows = new ArrayList<>();
        double totalRows = 0;
        for (var table : rowsWrittenByTable.entrySet()) {
            long[] then = before.rowsWrittenByTable.getOrDefault(table.getKey(), new long[3]);
            long[] now = table.getValue();
            long inserted = now[0] - then[0];
            long updated = now[1] - then[1];
            long deleted = now[2] - then[2];
            if (inserted + updated + deleted > 0) {
                totalRows += inserted + updated + deleted;
                rows.add(new String[] {table.getKey(), String.format("%.2f", inserted / (double) orders),
                        String.format("%.2f", updated / (double) orders), String.format("%.2f", deleted / (double) orders),
                        String.valueOf(inserted + updated + deleted)});
            }
        }
        rows.sort(Comparator.comparingLong((String[] row) -> Long.parseLong(row[4])).reversed());
        System.out.printf("      %.1f row writes per order; per table (inserted / updated / deleted per order):%n", totalRows / orders);
        rows.forEach(row -> System.out.printf("        %-45s %6s %6s %6s%n", row[0], row[1], row[2], row[3]));
    }

    /**
     * CPU ticks of the PostgreSQL server that owns {@code dataDirectory}: the postmaster with the children it
     * has reaped, plus the live children (connections and background workers). -1 where /proc is not there.
     */
    private static long postgresCpuTicks(String dataDirectory) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
            long ticks = cpuTicks(postmaster, true);
            for (var child : ProcessHandle.allProcesses().filter(p -> p.parent().map(ProcessHandle::pid).orElse(-1L) == postmaster).toList()) {
                ticks += Math.max(cpuTicks(child.pid(), false), 0);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long cpuTicks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // fields after the command name in parentheses: state is field 3, utime 14, stime 15, cutime 16, cstime 17
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
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

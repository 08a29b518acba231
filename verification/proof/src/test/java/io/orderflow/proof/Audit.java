package io.orderflow.proof;

import io.orderflow.testsupport.process.ChildJvm;
import io.orderflow.testsupport.process.Net;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one place where the proof suite asks whether the store is consistent after a run.
 *
 * <p>When the auditor module is on this module's classpath, its command
 * ({@code io.orderflow.auditor.AuditorApplication}) runs in a JVM of its own against the run's database:
 * exit 0 clean, 1 violations, anything else a failure to audit. In addition, and until then alone, the
 * suite's own checks run over the store: no stock below zero, nothing left reserved, every product's
 * committed units equal to its confirmed orders' units, at most one charge per order, a confirmed order
 * paid its total, no charge left on a cancelled order.
 */
final class Audit {

    /** The outcome: {@code clean()} or the violations, and a text for the test report. */
    record Result(boolean clean, List<String> violations, String rendered) {
    }

    private Audit() {
    }

    static final String AUDITOR_MAIN = "io.orderflow.auditor.AuditorApplication";
    /** As long as the auditor lets an order's payment be in progress: the payment deadline (30 s) and its grace (1 min). */
    private static final Duration MONEY_IN_FLIGHT = Duration.ofSeconds(90);

    static Result run(PostgresProcess postgres, Path workDir) {
        Result own = ownChecks(postgres);
        if (!own.clean()) {
            // An order is settled once CONFIRMED or CANCELLED, but its money may still move: a charge that came back
            // after the cancellation is refunded through Kafka and the payment service, whose partitions wait for a
            // killed instance's session to expire. Such a run gets the auditor's grace before its books are judged.
            Net.waitUntil(MONEY_IN_FLIGHT, Duration.ofSeconds(1), () -> ownChecks(postgres).clean());
            own = ownChecks(postgres);
        }
        if (!auditorOnClasspath()) {
            return new Result(own.clean(), own.violations(), own.rendered() + " (suite checks; the auditor module is not on the classpath)");
        }
        Result auditor = auditor(postgres, workDir);
        List<String> violations = new ArrayList<>(own.violations());
        violations.addAll(auditor.violations());
        return new Result(own.clean() && auditor.clean(), violations, own.rendered() + "\n" + auditor.rendered());
    }

    private static Result auditor(PostgresProcess postgres, Path workDir) {
        Path log = workDir.resolve("auditor.log");
        Process process = ChildJvm.start(log, "512m", AUDITOR_MAIN, List.of("--orderflow.db.url=" + postgres.jdbcUrl(),
                "--orderflow.db.username=" + postgres.user(), "--orderflow.db.password=" + postgres.password()));
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                ChildJvm.kill(process);
                return new Result(false, List.of("auditor did not finish within 5 minutes; see " + log), "auditor: timed out; see " + log);
            }
            ChildJvm.kill(process);
            String output = Files.readString(log);
            return switch (process.exitValue()) {
                case 0 -> new Result(true, List.of(), "auditor: clean (" + log + ")\n" + output);
                case 1 -> new Result(false, List.of("auditor found violations; see " + log), "auditor: violations\n" + output);
                default -> new Result(false, List.of("auditor could not run (exit " + process.exitValue() + "); see " + log),
                        "auditor: could not run\n" + output);
            };
        } catch (IOException e) {
            return new Result(false, List.of("auditor output unreadable: " + e), "auditor: output unreadable; see " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the child JVMs' classpath holds the auditor (its jar's classes, as {@link ChildJvm} resolves them). */
    static boolean auditorOnClasspath() {
        URL[] urls = Arrays.stream(ChildJvm.classpath().split(File.pathSeparator)).map(Audit::url).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            return loader.findResource(AUDITOR_MAIN.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }

    private static Result ownChecks(PostgresProcess postgres) {
        StoreInspector store = new StoreInspector(postgres);
        List<String> violations = new ArrayList<>();
        store.query("SELECT product_id, available, reserved FROM projections.product_view WHERE available < 0 OR reserved <> 0",
                List.of(), rs -> violations.add("product " + rs.getString(1) + ": available=" + rs.getInt(2) + ", reserved=" + rs.getInt(3)));
        store.query("""
                SELECT p.product_id, p.committed, coalesce(c.units, 0)
                  FROM projections.product_view p
                  LEFT JOIN (SELECT l.product_id, sum(l.quantity) AS units
                               FROM projections.order_line_view l JOIN projections.order_view o ON o.order_id = l.order_id
                              WHERE o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED') GROUP BY l.product_id) c
                    ON c.product_id = p.product_id
                 WHERE p.committed <> coalesce(c.units, 0)
                """, List.of(), rs -> violations.add("product " + rs.getString(1) + ": committed " + rs.getInt(2)
                        + " units but its confirmed orders hold " + rs.getInt(3)));
        store.query("""
                SELECT o.order_id, o.status, o.total,
                       coalesce(sum(e.amount) FILTER (WHERE e.kind = 'CHARGE'), 0) AS charged,
                       coalesce(sum(e.amount) FILTER (WHERE e.kind = 'REFUND'), 0) AS refunded,
                       count(*) FILTER (WHERE e.kind = 'CHARGE') AS charges
                  FROM projections.order_view o LEFT JOIN payments.ledger_entry e ON e.order_id = o.order_id
                 GROUP BY o.order_id, o.status, o.total
                HAVING count(*) FILTER (WHERE e.kind = 'CHARGE') > 1
                    OR (o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED')
                        AND coalesce(sum(e.amount) FILTER (WHERE e.kind = 'CHARGE'), 0)
                          - coalesce(sum(e.amount) FILTER (WHERE e.kind = 'REFUND'), 0) <> o.total)
                    OR (o.status = 'CANCELLED'
                        AND coalesce(sum(e.amount) FILTER (WHERE e.kind = 'CHARGE'), 0)
                          - coalesce(sum(e.amount) FILTER (WHERE e.kind = 'REFUND'), 0) <> 0)
                """, List.of(), rs -> violations.add("order " + rs.getString(1) + " " + rs.getString(2) + ": total " + rs.getBigDecimal(3)
                        + ", charged " + rs.getBigDecimal(4) + " (" + rs.getLong(6) + " charges), refunded " + rs.getBigDecimal(5)));
        String rendered = violations.isEmpty() ? "suite checks: clean" : "suite checks: " + violations.size() + " violations\n  " + String.join("\n  ", violations);
        return new Result(violations.isEmpty(), violations, rendered);
    }
}

package io.orderflow.proof;

import io.orderflow.testsupport.process.Net;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Load on the application while it is crashed and its infrastructure fails: the application SIGKILLed
 * every 20–60 s (random) and started again, PostgreSQL restarted in immediate mode, the Kafka broker
 * away for longer than the payment deadline, and duplicated, reordered, late and malformed payment results. Then
 * the load stops, every order must settle, none may have been cancelled for a payment timeout, and the store must
 * pass the audit. Every loop is bounded in time and count;
 * every process listens on loopback only.
 */
final class FaultCampaign {

    /** What to do, and the bounds. */
    record Plan(Duration duration, Duration minKillInterval, Duration maxKillInterval, int maxKills, int postgresRestarts,
                int kafkaStops, List<Duration> kafkaOutages, int injectedResults, int loadWorkers, Duration loadPause, long maxOrders,
                Duration settleLimit, long seed) {

        /** The broker's outage at its {@code stop}th stop (from 1): the outages in turn. */
        Duration kafkaOutage(int stop) {
            return kafkaOutages.get((stop - 1) % kafkaOutages.size());
        }

        /** The full campaign, from the {@code faults.*} system properties (see verification/proof/pom.xml and docs/proof-suite.md). */
        static Plan fromSystemProperties() {
            return new Plan(Duration.parse(System.getProperty("faults.duration", "PT10M")), Duration.ofSeconds(20), Duration.ofSeconds(60),
                    1000, Integer.getInteger("faults.pg-restarts", 3), Integer.getInteger("faults.kafka-stops", 2),
                    Arrays.stream(System.getProperty("faults.kafka-outages", "PT30S,PT2M").split(",")).map(String::strip).map(Duration::parse).toList(),
                    Integer.getInteger("faults.injected-results", 200), 4, Duration.ofMillis(100), 1_000_000,
                    Duration.ofMinutes(5), Long.getLong("faults.seed", 1));
        }
    }

    /** What happened, and the verdict. */
    record Report(Plan plan, Duration took, long placed, int appKills, int postgresRestarts, int kafkaStops,
                  PaymentResultInjector.Injected injected, long deadLetters, String load, String outcomes, long paymentTimeouts,
                  List<StoreInspector.OrderState> unsettled, List<String> unknownAccepted, List<String> keyConflicts,
                  Audit.Result audit, String diagnostics) {

        boolean passed() {
            return unsettled.isEmpty() && unknownAccepted.isEmpty() && keyConflicts.isEmpty() && audit.clean()
                    && deadLetters >= injected.malformed() && paymentTimeouts == 0;
        }

        String render() {
            return String.join("\n",
                    "fault campaign: " + (passed() ? "PASSED" : "FAILED") + " in " + took.toSeconds() + " s (planned load " + plan.duration() + ")",
                    "orders placed (event store): " + placed + "; outcomes: " + outcomes,
                    "orders cancelled PAYMENT_TIMEOUT (none expected: the payment deadline runs only while the payment channel is open): "
                            + paymentTimeouts,
                    "load: " + load,
                    "faults: application SIGKILLs=" + appKills + ", PostgreSQL immediate restarts=" + postgresRestarts
                            + ", Kafka stops=" + kafkaStops + " (outages in turn: " + plan.kafkaOutages() + ")",
                    "injected payment results: " + injected + "; payments.results.dlq holds " + deadLetters,
                    "unsettled orders: " + unsettled.size() + ", accepted orders unknown to the store: " + unknownAccepted
                            + ", idempotency-key conflicts: " + keyConflicts,
                    audit.rendered(),
                    passed() ? "" : diagnostics);
        }
    }

    /** Where the payment timeouts fell, against the faults the log shows with their times. */
    private static String timeoutsTimeline(StoreInspector store) {
        List<String> timeline = store.paymentTimeoutTimeline();
        return timeline.isEmpty() ? "" : "\npayment timeouts by 30 s of cancellation (UTC):\n  " + String.join("\n  ", timeline);
    }

    private record Step(Duration at, String name, Runnable action) {
    }

    private FaultCampaign() {
    }

    static Report run(String runName, Plan plan) {
        Instant started = Instant.now();
        try (Cluster cluster = Cluster.start(runName, 1, List.of());
             PaymentResultInjector injector = new PaymentResultInjector(cluster.kafka.bootstrapServers(), cluster.store, plan.seed())) {
            List<String> products = cluster.addProducts(4, 1_000_000);
            AppInstance app = cluster.app(0);
            List<PaymentResultInjector.Injected> injected = new ArrayList<>();
            List<Step> steps = schedule(plan, app, cluster, injector, injected);
            OrderLoad load = new OrderLoad(cluster.apps, products, plan.loadWorkers(), plan.loadPause(), plan.maxOrders(), plan.seed());
            Instant loadStarted = Instant.now();
            // the load lasts until every fault has happened and the planned duration is over (bounded: + 10 min)
            load.start(plan.duration().plusMinutes(10));
            try {
                for (Step step : steps) {
                    Duration wait = step.at().minus(Duration.between(loadStarted, Instant.now()));
                    if (!wait.isNegative()) {
                        Net.sleep(wait);
                    }
                    log("fault: " + step.name());
                    step.action().run();
                }
                Duration rest = plan.duration().minus(Duration.between(loadStarted, Instant.now()));
                if (!rest.isNegative()) {
                    Net.sleep(rest);
                }
            } finally {
                load.stop();
            }
            log("load stopped: " + load.summary());
            if (!app.isRunning()) {
                app.start();
            }
            // the rest of the budget, now that many orders have settled (or timed out)
            int sent = injected.stream().mapToInt(PaymentResultInjector.Injected::total).sum();
            injected.add(injector.inject(Math.max(4, plan.injectedResults() - sent)));
            PaymentResultInjector.Injected total = injected.stream().reduce(PaymentResultInjector.Injected.none(),
                    PaymentResultInjector.Injected::plus);
            List<StoreInspector.OrderState> unsettled = cluster.awaitSettled(plan.settleLimit(),
                    () -> injector.deadLetters(Duration.ofSeconds(30)) >= total.malformed());
            long deadLetters = injector.deadLetters(Duration.ofSeconds(30));
            Audit.Result audit = Audit.run(cluster.postgres, cluster.workDir);
            Report report = new Report(plan, Duration.between(started, Instant.now()), cluster.store.placedOrders(), app.kills(),
                    cluster.postgres.immediateRestarts(), cluster.kafka.stops(), total, deadLetters, load.summary(),
                    cluster.store.outcomes().toString(), cluster.store.outcomes().getOrDefault("CANCELLED/PAYMENT_TIMEOUT", 0L), unsettled, cluster.store.unknownOrders(load.acceptedOrderIds()),
                    load.keyConflicts(), audit, cluster.diagnostics(unsettled, audit) + timeoutsTimeline(cluster.store));
            log(report.render());
            log("report: " + cluster.writeReport(report.render()));
            return report;
        }
    }

    /** The faults in time order: application kills at random 20–60 s intervals, the others spread evenly. */
    private static List<Step> schedule(Plan plan, AppInstance app, Cluster cluster, PaymentResultInjector injector,
                                       List<PaymentResultInjector.Injected> injected) {
        Random random = new Random(plan.seed());
        List<Step> steps = new ArrayList<>();
        long span = plan.maxKillInterval().toMillis() - plan.minKillInterval().toMillis();
        Duration at = plan.minKillInterval().plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span));
        int kills = 0;
        while (at.compareTo(plan.duration()) < 0 && kills < plan.maxKills()) {
            steps.add(new Step(at, "SIGKILL the application and start it again", app::restart));
            kills++;
            at = at.plus(plan.minKillInterval()).plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span));
        }
        for (int i = 1; i <= plan.postgresRestarts(); i++) {
            steps.add(new Step(plan.duration().multipliedBy(i).dividedBy(plan.postgresRestarts() + 1).plusSeconds(3),
                    "PostgreSQL restart -m immediate", cluster.postgres::restartImmediately));
        }
        for (int i = 1; i <= plan.kafkaStops(); i++) {
            Duration outage = plan.kafkaOutage(i);
            steps.add(new Step(plan.duration().multipliedBy(2 * i - 1).dividedBy(2L * plan.kafkaStops() + 1),
                    "Kafka broker stopped for " + outage.toSeconds() + " s", () -> cluster.kafka.stopFor(outage)));
        }
        int injections = 3;
        for (int i = 1; i <= injections; i++) {
            steps.add(new Step(plan.duration().multipliedBy(i).dividedBy(injections + 1).plusSeconds(7),
                    "inject payment results", () -> injected.add(injector.inject(plan.injectedResults() / (injections + 1)))));
        }
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    static void log(String line) {
        System.out.println("[proof " + Instant.now() + "] " + line);
        System.out.flush();
    }
}

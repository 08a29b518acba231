package io.orderflow.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testsupport.process.Net;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the application on one PostgreSQL event store and one Kafka broker, on loopback.
 * Orders go through both; the instance that holds the most processor segments is SIGKILLed under load.
 * The survivor must take over every segment once the dead one's claims time out, every order must
 * settle, and the audit must be clean.
 */
class TwoInstanceKillTest {

    @Test
    void theSurvivorTakesOverTheSegmentsOfAKilledInstanceAndEveryOrderSettles() {
        try (Cluster cluster = Cluster.start("two-instances", 2, List.of())) {
            List<String> products = cluster.addProducts(3, 1_000_000);
            OrderLoad load = new OrderLoad(cluster.apps, products, 2, Duration.ofMillis(250), 2_000, 11);
            load.start(Duration.ofSeconds(30));
            try {
                Net.sleep(Duration.ofSeconds(10));
                AppInstance victim = ownerOfMostSegments(cluster);
                AppInstance survivor = cluster.apps.stream().filter(app -> app != victim).findFirst().orElseThrow();
                FaultCampaign.log("segments before the kill: " + cluster.tokenOwners() + "; killing " + victim.name() + " (pid " + victim.pid() + ")");
                String survivorOwner = survivor.pid() + "@";
                victim.kill();

                boolean takenOver = Net.waitUntil(Duration.ofSeconds(90), Duration.ofMillis(500), () -> allSegments(cluster).stream()
                        .allMatch(owner -> owner != null && owner.startsWith(survivorOwner)));
                assertThat(takenOver).as("every segment owned by the survivor %s; owners now %s; logs %s",
                        survivor.name(), cluster.tokenOwners(), cluster.diagnostics(List.of())).isTrue();
            } finally {
                load.stop();
            }
            FaultCampaign.log("load stopped: " + load.summary());

            List<StoreInspector.OrderState> unsettled = cluster.awaitSettled(Duration.ofMinutes(2));
            assertThat(unsettled).as(cluster.diagnostics(unsettled)).isEmpty();
            assertThat(load.acceptedOrderIds()).as("orders accepted by either instance").isNotEmpty();
            assertThat(cluster.store.unknownOrders(load.acceptedOrderIds())).as("accepted orders missing from the store").isEmpty();
            assertThat(load.keyConflicts()).as("idempotency keys that answered two orders").isEmpty();
            Audit.Result audit = Audit.run(cluster.postgres, cluster.workDir);
            FaultCampaign.log("two instances: " + cluster.store.placedOrders() + " orders, " + cluster.store.outcomes() + "; " + audit.rendered());
            assertThat(audit.clean()).as(audit.rendered() + "\n" + cluster.diagnostics(unsettled, audit)).isTrue();
        }
    }

    private static AppInstance ownerOfMostSegments(Cluster cluster) {
        Map<String, Long> byOwner = allSegments(cluster).stream().filter(Objects::nonNull)
                .collect(Collectors.groupingBy(owner -> owner.substring(0, owner.indexOf('@') + 1), Collectors.counting()));
        return cluster.apps.stream()
                .max((a, b) -> Long.compare(byOwner.getOrDefault(a.pid() + "@", 0L), byOwner.getOrDefault(b.pid() + "@", 0L)))
                .orElseThrow();
    }

    private static List<String> allSegments(Cluster cluster) {
        return cluster.tokenOwners().values().stream().map(Map::values).flatMap(Collection::stream).toList();
    }
}

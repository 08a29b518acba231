package io.orderflow.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the simulations through {@link LoadRun} against the whole system started in this JVM (embedded
 * PostgreSQL and Kafka, every payment approved): their correctness checks hold, and a wrong
 * expectation makes a run fail, so the checks can fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulationsTest {

    private static final String ADMIN_EMAIL = "load-admin@orderflow.test";
    private static final String ADMIN_PASSWORD = "load-admin-password";
    private static final Map<String, String> ADMIN = Map.of(
            LoadSettings.ADMIN_EMAIL, ADMIN_EMAIL, LoadSettings.ADMIN_PASSWORD, ADMIN_PASSWORD);

    private static ConfigurableApplicationContext system;
    private static String baseUrl;

    @BeforeAll
    static void startTheSystem() {
        system = new SpringApplicationBuilder(LoadedSystem.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--orderflow.demo.catalogue-enabled=false",
                "--orderflow.payment.approval-rate=1",
                "--orderflow.payment.technical-failure-rate=0",
                "--orderflow.payment.latency=PT0.005S",
                "--orderflow.auth.admin.email=" + ADMIN_EMAIL,
                "--orderflow.auth.admin.password=" + ADMIN_PASSWORD,
                "--orderflow.auth.bcrypt-strength=4",
                "--orderflow.edge.rate-limit.customer.requests=1000000",
                "--orderflow.edge.rate-limit.anonymous.requests=1000000",
                "--logging.level.org.axonframework=WARN",
                "--logging.level.org.apache.kafka=ERROR",
                "--logging.level.io.gatling=WARN");
        baseUrl = "http://localhost:" + ((WebServerApplicationContext) system).getWebServer().getPort();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void aHundredRequestsWithOneKeyMakeOneOrder() {
        assertThat(LoadRun.run(IdempotencyStormSimulation.class, baseUrl, ADMIN)).isZero();
    }

    /** 50 rather than the simulation's 200 orders, to keep the build quick; the full size runs from the command line. */
    @Test
    @Order(2)
    void fiftyOrdersForTenUnitsConfirmExactlyTen() {
        Map<String, String> properties = new HashMap<>(ADMIN);
        properties.put(OversellSimulation.ORDERS, "50");

        assertThat(LoadRun.run(OversellSimulation.class, baseUrl, properties)).isZero();
    }

    @Test
    @Order(3)
    void theOversellRunFailsWhenItExpectsMoreThanTheStock() {
        Map<String, String> wrongExpectation = new HashMap<>(ADMIN);
        wrongExpectation.put(OversellSimulation.ORDERS, "20");
        wrongExpectation.put(OversellSimulation.EXPECTED_CONFIRMED, "11");

        assertThat(LoadRun.run(OversellSimulation.class, baseUrl, wrongExpectation)).isNotZero();
    }

    /** A small ramp: every order settles and the figures are printed (the test asserts no figure). */
    @Test
    @Order(4)
    void aSmallRampSettlesEveryOrder() {
        Map<String, String> properties = new HashMap<>(ADMIN);
        properties.put(ThroughputSimulation.RATE, "5");
        properties.put(ThroughputSimulation.RAMP, "PT2S");
        properties.put(ThroughputSimulation.HOLD, "PT2S");
        properties.put(ThroughputSimulation.CUSTOMERS, "2");

        assertThat(LoadRun.run(ThroughputSimulation.class, baseUrl, properties)).isZero();
    }
}

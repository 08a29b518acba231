package io.orderflow.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the whole system in one JVM: aggregates, saga, projections and the HTTP edge. */
@SpringBootApplication(scanBasePackages = "io.orderflow")
public class OrderflowApplication {

    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        // Axon 4.13 reports to an external update server unless told not to; a JVM property is the only switch.
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
        SpringApplication.run(OrderflowApplication.class, args);
    }
}

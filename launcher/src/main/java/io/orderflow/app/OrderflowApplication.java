package io.orderflow.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the whole system in one JVM: aggregates, saga, projections and the HTTP edge. */
@SpringBootApplication(scanBasePackages = "io.orderflow")
public class OrderflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderflowApplication.class, args);
    }
}

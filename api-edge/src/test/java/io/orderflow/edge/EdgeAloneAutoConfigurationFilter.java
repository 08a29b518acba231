package io.orderflow.edge;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Keeps the edge's tests to the edge alone: api-edge depends on the platform (for the roles and its schema's
 * migrations), which brings Axon's Spring Boot auto-configuration, JDBC and its own; none of it may configure
 * these tests, which declare their buses ({@link InMemoryAxon}) and have no database. Registered in this module's
 * test {@code META-INF/spring.factories}.
 */
public class EdgeAloneAutoConfigurationFilter implements AutoConfigurationImportFilter {

    private static final List<String> LEFT_OUT = List.of(
            "org.axonframework.springboot.autoconfig.",
            "org.springframework.boot.jdbc.autoconfigure.",
            "io.orderflow.platform.");

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = candidate == null || LEFT_OUT.stream().noneMatch(candidate::startsWith);
        }
        return matches;
    }
}

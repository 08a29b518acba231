package io.orderflow.platform.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * Builds the Spring application of one separately deployed service. Its configuration is read from
 * {@code orderflow-service.yml} (the platform's, shared) and {@code <service>.yml} (the service's own), plus
 * the profile variants such as {@code application-axonserver.yml}; a service never reads the launcher's
 * {@code application.yml}, so several services can share a classpath in tests.
 */
public final class ServiceApplication {

    /** The shared configuration file of every service, in the platform's resources. */
    public static final String SHARED_CONFIG = "orderflow-service";
    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    private ServiceApplication() {
    }

    /**
     * @param name    the service's name: its {@code spring.application.name} and configuration file name
     * @param sources its configuration classes (never components: see the package documentation)
     */
    public static SpringApplicationBuilder builder(String name, Class<?>... sources) {
        disableAxonUpdateChecker();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.config.name", "application," + SHARED_CONFIG + "," + name);
        return new SpringApplicationBuilder(sources)
                .web(WebApplicationType.REACTIVE)
                .properties(defaults);
    }

    /** As {@link #builder}, for a service that uses no Axon: none of Axon's auto-configurations run. */
    public static SpringApplicationBuilder builderWithoutAxon(String name, Class<?>... sources) {
        return builder(name, sources).properties(Map.of("spring.autoconfigure.exclude", String.join(",", axonAutoConfigurations())));
    }

    static List<String> axonAutoConfigurations() {
        return ImportCandidates.load(AutoConfiguration.class, ServiceApplication.class.getClassLoader()).getCandidates().stream()
                .filter(name -> name.startsWith("org.axonframework."))
                .toList();
    }

    /** Axon 4.13 reports to an external update server unless told not to; a JVM property is the only switch. */
    private static void disableAxonUpdateChecker() {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
    }
}

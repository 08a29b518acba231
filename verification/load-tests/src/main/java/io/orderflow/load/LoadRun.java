package io.orderflow.load;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one simulation in this JVM against the system at {@code baseUrl}, with {@code systemProperties}
 * (admin credentials, the simulation's settings) set for the run and restored afterwards. Reports go to
 * {@code verification/load-tests/target/gatling} (or {@code -Dorderflow.load.results}). Simulations read system
 * properties, so two runs must not overlap in one JVM.
 */
public final class LoadRun {

    public static final String RESULTS = "orderflow.load.results";

    private LoadRun() {
    }

    /** Answers Gatling's exit status: 0 when every assertion held. */
    public static synchronized int run(Class<? extends Simulation> simulation, String baseUrl, Map<String, String> systemProperties) {
        Map<String, String> properties = new LinkedHashMap<>(systemProperties);
        properties.put(LoadSettings.URL, baseUrl);
        Map<String, String> before = new HashMap<>();
        properties.forEach((key, value) -> before.put(key, System.getProperty(key)));
        properties.forEach(System::setProperty);
        try {
            return Gatling$.MODULE$.fromArgs(new String[] {
                    "--simulation", simulation.getName(),
                    "--results-folder", resultsFolder().toAbsolutePath().toString(),
                    "--launcher", "orderflow-load-run"});
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    /** {@code verification/load-tests/target/gatling}, found from the project root, from a sibling module or from this module. */
    static Path resultsFolder() {
        String configured = System.getProperty(RESULTS);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path module : new Path[] {here.resolve("verification/load-tests"), here.resolveSibling("load-tests")}) {
            if (Files.isDirectory(module)) {
                return module.resolve("target/gatling");
            }
        }
        return here.resolve("target/gatling");
    }
}

package io.orderflow.embedded;

import java.nio.file.Path;
import org.apache.commons.logging.Log;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at an embedded PostgreSQL and an embedded Kafka broker when
 * {@code orderflow.db.url} or {@code orderflow.kafka.bootstrap-servers} is not configured.
 * Runs after the configuration files are read, so environment variables such as
 * {@code ORDERFLOW_DB_URL} always win over the embedded default. With a data directory
 * ({@code orderflow.data-directory}) both keep their data there ({@code postgres/}, {@code kafka/}); without,
 * both are fresh at every start.
 *
 * <p>Registered in this module's {@code META-INF/spring.factories}, so only an application that has this module
 * on its classpath (the launcher, the tests) starts embedded servers; a production service without it fails at
 * start-up when an address is missing.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    static final String DB_URL = "orderflow.db.url";
    static final String KAFKA_SERVERS = "orderflow.kafka.bootstrap-servers";
    static final String DATA_DIRECTORY = "orderflow.data-directory";

    /** Replayed once logging is set up: it is not yet while environment post-processors run. */
    private final Log log;

    public EmbeddedInfrastructure(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedInfrastructure.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("orderflow.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Map<String, Object> resolved = new HashMap<>();
        if (isBlank(environment.getProperty(DB_URL))) {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared(
                    environment.getProperty("orderflow.embedded.postgres.port", Integer.class, 0),
                    postgresDataDirectory(environment), application);
            log.info(postgres.description());
            resolved.put(DB_URL, postgres.jdbcUrl());
            resolved.put("orderflow.db.username", "postgres");
            resolved.put("orderflow.db.password", "postgres");
        }
        if (isBlank(environment.getProperty(KAFKA_SERVERS))) {
            EmbeddedKafkaServer kafka = EmbeddedKafkaServer.shared(
                    environment.getProperty("orderflow.embedded.kafka.port", Integer.class, 0),
                    environment.getProperty("orderflow.kafka.partitions", Integer.class, 4),
                    dataDirectory(environment, "kafka"), application);
            log.info(kafka.description());
            resolved.put(KAFKA_SERVERS, kafka.bootstrapServers());
        }
        if (!resolved.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("orderflowEmbeddedInfrastructure", resolved));
        }
    }

    /** Stops a server when the application that started it fails to start: the JVM can then end. */
    static ApplicationListener<ApplicationFailedEvent> closeOnFailure(Runnable stop) {
        return failed -> stop.run();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** {@code orderflow.embedded.postgres.data-directory} where set, else {@code postgres/} in the data directory. */
    private static Path postgresDataDirectory(ConfigurableEnvironment environment) {
        String explicit = environment.getProperty("orderflow.embedded.postgres.data-directory");
        if (!isBlank(explicit)) {
            return Path.of(explicit.trim()).toAbsolutePath().normalize();
        }
        return dataDirectory(environment, "postgres");
    }

    /**
     * {@code part} under {@code orderflow.data-directory}, or null (fresh servers) when none is configured. The same
     * directory, read the same way, as platform's {@code io.orderflow.platform.config.DataDirectory}, where the
     * signing key lives; read here again because this module must not depend on platform (platform's tests use it).
     */
    private static Path dataDirectory(ConfigurableEnvironment environment, String part) {
        String root = environment.getProperty(DATA_DIRECTORY);
        return isBlank(root) ? null : Path.of(root.trim()).toAbsolutePath().normalize().resolve(part);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

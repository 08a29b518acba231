package io.orderflow.platform.config;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.env.PropertyResolver;

/**
 * Where a single-node run keeps what must survive a restart: the embedded PostgreSQL's data in
 * {@code postgres/}, the embedded Kafka broker's log in {@code kafka/}, a generated signing key in
 * {@code auth/}. {@code orderflow.data-directory}, relative to the working directory; the launcher's
 * default is {@code data}. Empty keeps nothing: fresh servers and a new key on each start (tests).
 * The embedded servers (module {@code embedded-infrastructure}, development only) read the same property
 * themselves; production code here uses it for what a single-node run generates, such as the signing key.
 */
public final class DataDirectory {

    public static final String PROPERTY = "orderflow.data-directory";

    private DataDirectory() {
    }

    /** {@code part} under the configured data directory, or empty when none is configured. */
    public static Optional<Path> resolve(PropertyResolver properties, String part) {
        String root = properties.getProperty(PROPERTY);
        if (root == null || root.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(root.trim()).toAbsolutePath().normalize().resolve(part));
    }
}

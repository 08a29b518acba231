package io.orderflow.platform.service;

import io.orderflow.platform.axon.AuditMetadataConfiguration;
import io.orderflow.platform.axon.AxonPersistenceConfiguration;
import io.orderflow.platform.axon.DeadlineConfiguration;
import io.orderflow.platform.db.DatabaseConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * What every service that runs Axon needs from the platform: the databases, Axon's JDBC persistence, audit
 * metadata and persistent deadlines. An annotation rather than a configuration class, so that the launcher's
 * scan of {@code io.orderflow} never picks it up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({DatabaseConfiguration.class, AxonPersistenceConfiguration.class, AuditMetadataConfiguration.class, DeadlineConfiguration.class})
public @interface AxonPlatform {
}

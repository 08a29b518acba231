package io.orderflow.edge.idempotency.postgres;

import io.orderflow.platform.db.SchemaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The edge's schema and its migrations, applied by the platform with their own history like every module's.
 * Its {@code V2} takes over the records that earlier versions kept in the auth schema.
 */
@Configuration(proxyBeanMethods = false)
public class EdgeSchemaConfiguration {

    public static final String SCHEMA = "edge";

    @Bean
    SchemaMigration edgeSchemaMigration() {
        return new SchemaMigration(SCHEMA, "classpath:db/migration/" + SCHEMA);
    }
}

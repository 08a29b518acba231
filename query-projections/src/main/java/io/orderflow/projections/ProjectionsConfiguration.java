package io.orderflow.projections;

import io.orderflow.platform.db.SchemaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The query-projections module as one import: its schema and migrations, and (by scanning its feature
 * packages) the package-private projections and query handlers.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ProjectionsConfiguration {

    private static final String SCHEMA = "projections";

    @Bean
    public SchemaMigration projectionsSchemaMigration() {
        return new SchemaMigration(SCHEMA, "classpath:db/migration/" + SCHEMA);
    }
}

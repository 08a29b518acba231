package io.orderflow.platform.db;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where PostgreSQL is ({@code ORDERFLOW_DB_URL}, {@code ORDERFLOW_DB_USERNAME}, {@code ORDERFLOW_DB_PASSWORD}).
 * Left empty, the embedded PostgreSQL fills them in where module {@code embedded-infrastructure} is on the class
 * path (the launcher, the tests); elsewhere an empty URL fails start-up ({@link #requiredUrl()}).
 *
 * @param url       JDBC URL, e.g. {@code jdbc:postgresql://db:5432/orderflow}
 * @param jdbcPoolSize  maximum JDBC connections (Axon, projections)
 * @param r2dbcPoolSize maximum R2DBC connections (reactive reads)
 * @param connectionTimeout how long a request waits for a connection, JDBC or R2DBC, before it fails (and the edge
 *                          answers {@code 503 SERVICE_UNAVAILABLE}): while PostgreSQL is down, requests fail this fast
 */
@ConfigurationProperties("orderflow.db")
public record DatabaseProperties(
        String url,
        @DefaultValue("postgres") String username,
        @DefaultValue("") String password,
        @DefaultValue("20") int jdbcPoolSize,
        @DefaultValue("10") int r2dbcPoolSize,
        @DefaultValue("PT5S") Duration connectionTimeout) {

    /** The JDBC URL; none configured fails start-up with what to set, rather than deep inside the pool. */
    public String requiredUrl() {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("orderflow.db.url (ORDERFLOW_DB_URL) is not set: give the PostgreSQL to use,"
                    + " jdbc:postgresql://host:5432/database. Only the launcher and the tests start an embedded"
                    + " PostgreSQL for an empty URL (module embedded-infrastructure).");
        }
        return url;
    }

    /** The R2DBC form of the JDBC URL: same host, port, database and parameters. */
    public String r2dbcUrl() {
        String jdbcUrl = requiredUrl();
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("orderflow.db.url must be a jdbc:postgresql:// URL, was: " + jdbcUrl);
        }
        return "r2dbc:postgresql://" + jdbcUrl.substring("jdbc:postgresql://".length());
    }
}

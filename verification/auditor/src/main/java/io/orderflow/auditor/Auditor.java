package io.orderflow.auditor;

import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs an audit: a small Spring context on the database of {@code orderflow.db.url} (arguments in
 * Spring's form, {@code --orderflow.db.url=jdbc:postgresql://...}, or environment variables such as
 * {@code ORDERFLOW_DB_URL}), every check, then the context is closed again.
 */
public final class Auditor {

    private Auditor() {
    }

    /**
     * Audits the database the arguments point at and answers the report.
     *
     * @throws IllegalStateException when the audit cannot run: no {@code orderflow.db.url}, an unreachable
     *                               database, a schema the checks cannot read
     */
    public static AuditReport run(String... springArgs) {
        SpringApplication application = new SpringApplication(AuditorConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        application.setDefaultProperties(Map.of(
                // where embedded-infrastructure is on the class path (the tests), it would start a PostgreSQL for an empty URL
                "orderflow.embedded.enabled", "false",
                // not the application's own application.yml, should one be on the class path
                "spring.config.name", "orderflow-auditor"));
        application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            String url = event.getEnvironment().getProperty(AuditorConfiguration.DB_URL);
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("orderflow.db.url is empty: the auditor reads the database of a run and never"
                        + " starts one. Pass --orderflow.db.url=jdbc:postgresql://host:5432/database (with"
                        + " --orderflow.db.username and --orderflow.db.password) or set ORDERFLOW_DB_URL.");
            }
        });
        try (ConfigurableApplicationContext context = application.run(springArgs)) {
            return context.getBean(AuditorConfiguration.AuditRun.class).run();
        }
    }
}

package io.orderflow.projections;

import static org.awaitility.Awaitility.await;

import io.orderflow.platform.db.DatabaseProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The module with its processors running, on a database of its own (created on the embedded PostgreSQL
 * the shared test context runs on): its event store holds only what the test appended, so a rebuild and
 * a comparison of whole read models see only the test's own data.
 */
public final class IsolatedProjections implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private IsolatedProjections(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static IsolatedProjections start(JdbcTemplate sharedJdbc, DatabaseProperties shared) {
        String name = "projections_" + UUID.randomUUID().toString().replace("-", "");
        sharedJdbc.execute("CREATE DATABASE " + name);
        String url = shared.url().substring(0, shared.url().lastIndexOf('/') + 1) + name;
        return new IsolatedProjections(new SpringApplicationBuilder(ProjectionsTestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--orderflow.db.url=" + url, "--orderflow.db.username=" + shared.username(),
                        "--orderflow.db.password=" + shared.password(), "--spring.main.banner-mode=off"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    public EventStoreFixture events() {
        return new EventStoreFixture(bean(org.axonframework.eventsourcing.eventstore.EventStore.class),
                bean(org.axonframework.common.transaction.TransactionManager.class));
    }

    /** Every row of {@code view} (a reader-facing view such as {@code projections.order_view}), in key order. */
    public List<Map<String, Object>> rows(String view, String orderBy) {
        return jdbc().queryForList("SELECT * FROM " + view + " ORDER BY " + orderBy);
    }

    public static <T> T eventually(Callable<T> read, Predicate<T> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(read, until::test);
    }

    @Override
    public void close() {
        context.close();
    }
}

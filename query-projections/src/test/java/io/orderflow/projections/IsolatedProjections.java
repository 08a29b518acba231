package io.orderflow.projections;

import static org.awaitility.Awaitility.await;

import io.orderflow.platform.db.DatabaseProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javax.sql.DataSource;
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

    /**
     * The row of {@code view} with {@code key} in {@code keyColumn} as other connections see it now, or null: read on a
     * connection of its own, outside any transaction the calling thread takes part in (a processor's, when called
     * from a subscriber it tells).
     */
    public Map<String, Object> committedRow(String view, String keyColumn, Object key) {
        try (Connection connection = bean(DataSource.class).getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT * FROM " + view + " WHERE " + keyColumn + " = ?")) {
            connection.setAutoCommit(true);
            select.setObject(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Map<String, Object> columns = new LinkedHashMap<>();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    columns.put(row.getMetaData().getColumnName(column), row.getObject(column));
                }
                return columns;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T eventually(Callable<T> read, Predicate<T> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(read, until::test);
    }

    @Override
    public void close() {
        context.close();
    }
}

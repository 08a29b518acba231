package io.orderflow.app;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole application started by a test, on a database and a Kafka broker of its own, so that it can
 * be stopped and started again without disturbing the shared test context.
 */
final class IsolatedInstance implements AutoCloseable {

    private static final Semaphore BOOTSTRAP = new Semaphore(1);

    private final ConfigurableApplicationContext context;

    private IsolatedInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Creates a fresh database on the embedded PostgreSQL that the shared context runs on. */
    static String freshDatabase(JdbcTemplate sharedJdbc, String sharedUrl) {
        String name = "isolated_" + UUID.randomUUID().toString().replace("-", "");
        sharedJdbc.execute("CREATE DATABASE " + name);
        return sharedUrl.substring(0, sharedUrl.lastIndexOf('/') + 1) + name;
    }

    static IsolatedInstance start(String databaseUrl, String kafkaServers, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "management.server.port=0",
                "orderflow.db.url=" + databaseUrl,
                "orderflow.db.username=postgres",
                "orderflow.db.password=postgres",
                "orderflow.kafka.bootstrap-servers=" + kafkaServers,
                "orderflow.demo.catalogue-enabled=false",
                "orderflow.payment.latency=PT0.005S",
                "logging.level.org.axonframework=WARN",
                "logging.level.org.apache.kafka=ERROR",
                "orderflow.auth.bcrypt-strength=4",
                "orderflow.edge.rate-limit.customer.requests=1000000",
                "orderflow.edge.rate-limit.anonymous.requests=1000000",
                // tests that stop processors or Kafka still place orders; AdmissionControlTest lowers it
                "orderflow.edge.admission.max-wait=PT5M"));
        all.addAll(List.of(Api.ADMIN_PROPERTIES));
        // a test's own value replaces the default above: Boot would join two values of one argument with a comma
        for (String property : properties) {
            String key = property.substring(0, property.indexOf('=') + 1);
            all.removeIf(existing -> existing.startsWith(key));
            all.add(property);
        }
        // Boot's logging set-up of two applications starting at once in one JVM races on Logback's shared
        // context (ConcurrentModificationException): starts take turns until their context is initialised;
        // what follows (migrations, topic creation, processors) still runs at the same time.
        BOOTSTRAP.acquireUninterruptibly();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                BOOTSTRAP.release();
            }
        };
        try {
            // as arguments, not default properties: those would lose against application.yml
            return new IsolatedInstance(new SpringApplicationBuilder(OrderflowApplication.class, OwnNettyResources.class)
                    .listeners((ApplicationListener<ApplicationEvent>) event -> {
                        if (event instanceof ApplicationContextInitializedEvent) {
                            release.run();
                        }
                    })
                    .run(all.stream().map(property -> "--" + property).toArray(String[]::new)));
        } finally {
            release.run();
        }
    }

    Api api() {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    WebTestClient management() {
        return Api.management(context.getEnvironment().getRequiredProperty("local.management.port", Integer.class));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Event loops of this instance's own: by default every application shares Reactor Netty's global ones, and
     * closing this instance would dispose them under the shared context's management server. Not a
     * {@code @Configuration}, so that the shared context's component scan leaves it alone.
     */
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }
}

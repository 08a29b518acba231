package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.contracts.payment.PaymentTopics;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Database per service: the SQL of a module names only the schema that module owns (its Flyway migrations
 * create it), so no service reads another's tables. Checks every {@code schema.name} in the string constants
 * of the production classes (literals, text blocks, concatenation recipes; Kafka topic names aside) and in
 * every migration script. The Axon
 * tables ({@code axon}) belong to the platform, which every Axon service runs on its own database; other
 * modules reach them only through Axon's API (event store, dead-letter queues). The {@code auditor} ops tool
 * reads across schemas on purpose and is left out. A migration that moves a table from one schema to another
 * names both, and is listed in {@link #TAKEOVERS}.
 */
class SchemaOwnershipTest {

    /** Package of a module's classes, and the one schema it owns. */
    private static final Map<String, String> OWNERS = Map.of(
            "io.orderflow.platform", "axon",
            "io.orderflow.edge", "edge",
            "io.orderflow.auth", "auth",
            "io.orderflow.projections", "projections",
            "io.orderflow.payment", "payments",
            "io.orderflow.notification", "notifications");
    private static final Set<String> EXCLUDED = Set.of("io.orderflow.auditor");
    /** Not after a dot: {@code orderflow.edge.idempotency} is a property or a package, not the edge's schema. */
    private static final Pattern SCHEMA_REFERENCE = Pattern.compile(
            "(?<![\\w.])(" + String.join("|", OWNERS.values()) + ")\\.([a-z_][a-z0-9_]*)\\b");
    /** Migrations that take a table over from another schema (the script, and the one table it names there). */
    private static final Map<String, String> TAKEOVERS = Map.of(
            "/db/migration/edge/V2__idempotency_keys_from_auth.sql", "auth.idempotency_key");
    /** Kafka topics look like schema.table but are not tables. */
    private static final Set<String> TOPICS = Set.of(PaymentTopics.REQUESTS, PaymentTopics.RESULTS, OrderLifecycleEvent.TOPIC);

    @Test
    void everyModulesSqlNamesOnlyItsOwnSchema() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> schemasSeen = new java.util.TreeSet<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:io/orderflow/**/*.class")) {
            if (file.getURL().toString().contains("/test-classes/")) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                ClassReader reader = new ClassReader(in);
                String className = reader.getClassName().replace('/', '.');
                for (String constant : stringConstants(reader)) {
                    violations.addAll(violations(className, constant));
                    Matcher reference = SCHEMA_REFERENCE.matcher(constant);
                    while (!isTopic(constant) && reference.find()) {
                        schemasSeen.add(reference.group(1));
                    }
                }
            }
        }
        assertThat(schemasSeen).as("schemas named by the SQL found (the scan sees the modules' classes)")
                .containsExactlyInAnyOrderElementsOf(OWNERS.values());
        assertThat(violations).as("SQL naming another module's schema").isEmpty();
    }

    @Test
    void everyMigrationNamesOnlyItsOwnSchema() throws IOException {
        List<String> violations = new ArrayList<>();
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/*.sql");
        assertThat(scripts).as("migration scripts").isNotEmpty();
        for (Resource script : scripts) {
            String url = script.getURL().toString();
            String schema = url.replaceAll(".*/db/migration/([^/]+)/[^/]+$", "$1");
            String sql = script.getContentAsString(StandardCharsets.UTF_8);
            Matcher reference = SCHEMA_REFERENCE.matcher(sql);
            while (reference.find()) {
                if (!reference.group(1).equals(schema) && !isTakeover(url, reference.group())) {
                    violations.add(url + " (schema " + schema + ") names " + reference.group());
                }
            }
        }
        assertThat(violations).as("migrations naming another module's schema").isEmpty();
    }

    @Test
    void aQueryOfAnotherModulesTableIsAViolation() {
        assertThat(violations("io.orderflow.projections.order.Sneaky", "SELECT amount FROM payments.ledger_entry WHERE order_id = ?"))
                .containsExactly("io.orderflow.projections.order.Sneaky names payments.ledger_entry in: SELECT amount FROM payments.ledger_entry WHERE order_id = ?");
        assertThat(violations("io.orderflow.edge.Sneaky", "DELETE FROM auth.account")).hasSize(1);
        assertThat(violations("io.orderflow.auth.Sneaky", "DELETE FROM edge.idempotency_key")).hasSize(1);
        assertThat(violations("io.orderflow.edge.idempotency.postgres.Own", "DELETE FROM edge.idempotency_key")).isEmpty();
        assertThat(violations("io.orderflow.platform.Settings", "orderflow.edge.idempotency.retention")).as("a property").isEmpty();
        assertThat(violations("io.orderflow.contracts.payment.PaymentTopics", "payments.requests")).as("a topic").isEmpty();
        assertThat(violations("io.orderflow.saga.Sneaky", "axon.saga_entry")).as("a table name, not only SQL").hasSize(1);
        assertThat(violations("io.orderflow.auditor.Report", "SELECT * FROM payments.ledger_entry")).as("excluded").isEmpty();
    }

    private static List<String> violations(String className, String constant) {
        if (EXCLUDED.stream().anyMatch(className::startsWith) || isTopic(constant)) {
            return List.of();
        }
        Optional<String> owned = OWNERS.entrySet().stream().filter(owner -> className.startsWith(owner.getKey() + "."))
                .map(Map.Entry::getValue).findFirst();
        List<String> found = new ArrayList<>();
        Matcher reference = SCHEMA_REFERENCE.matcher(constant);
        while (reference.find()) {
            if (!owned.map(reference.group(1)::equals).orElse(false)) {
                found.add(className + " names " + reference.group() + " in: " + constant.strip());
            }
        }
        return found;
    }

    private static boolean isTakeover(String url, String reference) {
        return TAKEOVERS.entrySet().stream().anyMatch(takeover -> url.endsWith(takeover.getKey())
                && takeover.getValue().equals(reference));
    }

    /** A topic's name, or the location of a message's JSON Schema, which is named after its topic: no SQL. */
    private static boolean isTopic(String constant) {
        return TOPICS.contains(constant.replaceAll("\\.dlq$", "")) || constant.startsWith("/schemas/") && constant.endsWith(".json");
    }

    /** String literals and constants of a class, and the constant parts of its string concatenations. */
    private static List<String> stringConstants(ClassReader reader) {
        List<String> constants = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if (value instanceof String text) {
                    constants.add(text);
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String text) {
                            constants.add(text);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof String text) {
                                constants.add(text);
                            }
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return constants;
    }
}

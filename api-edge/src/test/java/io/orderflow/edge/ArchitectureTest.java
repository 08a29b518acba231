package io.orderflow.edge;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The edge's boundaries: it speaks messages only (but for its idempotency keys), reaches the buses one way, and never blocks. */
@AnalyzeClasses(packages = "io.orderflow.edge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule edgeNeverImportsAnAggregate = noClasses()
            .that().resideInAPackage("io.orderflow.edge..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderflow.order..", "io.orderflow.inventory..")
            .because("the edge talks to aggregates through the contracts' messages only");

    @ArchTest
    static final ArchRule edgeNeverTouchesADatabase = noClasses()
            .that().resideInAPackage("io.orderflow.edge..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("the edge reads through queries, never through SQL");

    @ArchTest
    static final ArchRule onlyTheIdempotencyStoreSpeaksSql = noClasses()
            .that().resideInAPackage("io.orderflow.edge..")
            .and().resideOutsideOfPackage("io.orderflow.edge.idempotency.postgres..")
            .should().dependOnClassesThat().resideInAnyPackage("io.r2dbc..", "org.springframework.r2dbc..",
                    "io.orderflow.platform.db..")
            .because("the edge's one table of its own, its idempotency keys, is its one use of a database");

    @ArchTest
    static final ArchRule onlyTheDispatchersUseTheGateways = noClasses()
            .that().resideInAPackage("io.orderflow.edge..")
            .and().resideOutsideOfPackage("io.orderflow.edge.dispatch..")
            .should().dependOnClassesThat(
                    resideInAnyPackage("org.axonframework.extensions.reactor..", "org.axonframework.commandhandling.gateway..")
                            .or(assignableTo(CommandBus.class))
                            .or(assignableTo(QueryBus.class))
                            .or(assignableTo(QueryGateway.class)))
            .because("timeouts, retries and leaving the event loop live in one place");

    @ArchTest
    static final ArchRule nothingBlocks = noClasses()
            .that().resideInAPackage("io.orderflow.edge..")
            .should().callMethod(Mono.class, "block")
            .orShould().callMethod(Mono.class, "block", Duration.class)
            .orShould().callMethod(Mono.class, "blockOptional")
            .orShould().callMethod(Flux.class, "blockFirst")
            .orShould().callMethod(Flux.class, "blockLast")
            .orShould().callMethod(Flux.class, "toIterable")
            .orShould().callMethod(Flux.class, "toStream")
            .because("the edge runs on the Netty event loop");
}

package io.orderflow.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries of the design, over every module's production classes. */
@AnalyzeClasses(packages = "io.orderflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] WEB_SQL_AND_KAFKA = {
            "org.springframework.web..", "org.springframework.http..", "org.springframework.jdbc..", "java.sql..",
            "javax.sql..", "io.r2dbc..", "org.springframework.r2dbc..", "org.apache.kafka..", "reactor.kafka..",
            "io.orderflow.platform.."};

    @ArchTest
    static final ArchRule aggregatesKnowNoWebSqlOrKafka = noClasses()
            .that().resideInAnyPackage("io.orderflow.order..", "io.orderflow.inventory..")
            .should().dependOnClassesThat().resideInAnyPackage(WEB_SQL_AND_KAFKA);

    @ArchTest
    static final ArchRule theSagaKnowsNoWebSqlOrKafka = noClasses()
            .that().resideInAPackage("io.orderflow.saga..")
            .should().dependOnClassesThat().resideInAnyPackage(WEB_SQL_AND_KAFKA);

    @ArchTest
    static final ArchRule theEdgeNeverImportsAnAggregate = noClasses()
            .that().resideInAPackage("io.orderflow.edge..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderflow.order..", "io.orderflow.inventory..",
                    "io.orderflow.saga..", "io.orderflow.projections..");

    @ArchTest
    static final ArchRule theEdgeDependsOnNoAuthComponent = noClasses()
            .that().resideInAPackage("io.orderflow.edge..")
            .should().dependOnClassesThat().resideInAPackage("io.orderflow.auth..")
            .because("the edge checks tokens with published keys and stores idempotency keys through a port");

    @ArchTest
    static final ArchRule theAuthComponentKnowsNoOrders = noClasses()
            .that().resideInAPackage("io.orderflow.auth..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderflow.order..", "io.orderflow.inventory..",
                    "io.orderflow.saga..", "io.orderflow.projections..", "io.orderflow.contracts.order..",
                    "io.orderflow.contracts.inventory..", "org.axonframework..");

    @ArchTest
    static final ArchRule projectionsNeverSendCommands = noClasses()
            .that().resideInAPackage("io.orderflow.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..");

    @ArchTest
    static final ArchRule onlyTheAdapterTouchesKafkaClients = noClasses()
            .that().resideOutsideOfPackage("io.orderflow.platform.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "reactor.kafka..");

    @ArchTest
    static final ArchRule thePaymentServiceKnowsNothingOfOrders = noClasses()
            .that().resideInAPackage("io.orderflow.payment..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderflow.order..", "io.orderflow.inventory..",
                    "io.orderflow.saga..", "io.orderflow.projections..", "io.orderflow.contracts.order..",
                    "io.orderflow.contracts.inventory..");
}

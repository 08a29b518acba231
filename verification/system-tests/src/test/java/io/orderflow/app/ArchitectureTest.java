package io.orderflow.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.annotation.Annotation;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.saga.SagaEventHandler;

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

    /** The query side handles its own operations commands (replay, dead-letter retry) but never sends one. */
    @ArchTest
    static final ArchRule theEdgeDependsOnNoAuthComponent = noClasses()
            .that().resideInAPackage("io.orderflow.edge..")
            .should().dependOnClassesThat().resideInAPackage("io.orderflow.auth..")
            .because("the edge checks tokens with published keys and keeps its idempotency keys in its own schema");

    @ArchTest
    static final ArchRule theAuthComponentKnowsNoOrders = noClasses()
            .that().resideInAPackage("io.orderflow.auth..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderflow.order..", "io.orderflow.inventory..",
                    "io.orderflow.saga..", "io.orderflow.projections..", "io.orderflow.contracts.order..",
                    "io.orderflow.contracts.inventory..", "org.axonframework..");

    @ArchTest
    static final ArchRule projectionsNeverSendCommands = noClasses()
            .that().resideInAPackage("io.orderflow.projections..")
            .should().dependOnClassesThat(assignableTo(CommandGateway.class)
                    .or(assignableTo(CommandBus.class))
                    .or(assignableTo(CommandMessage.class))
                    .or(resideInAPackage("org.axonframework.extensions.reactor.commandhandling..")));

    /**
     * The embedded package runs a broker for the single-node default; it sends and receives nothing (admin only).
     * test-support, a library for tests only, reads topics to check what the system wrote.
     */
    @ArchTest
    static final ArchRule onlyTheAdapterTouchesKafkaClients = noClasses()
            .that().resideOutsideOfPackages("io.orderflow.platform.kafka..", "io.orderflow.embedded..", "io.orderflow.testsupport..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "reactor.kafka..");

    @ArchTest
    static final ArchRule theEmbeddedBrokerUsesNoKafkaClient = noClasses()
            .that().resideInAPackage("io.orderflow.embedded..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.clients.producer..",
                    "org.apache.kafka.clients.consumer..", "reactor.kafka..");

    @ArchTest
    static final ArchRule thePaymentServiceKnowsNothingOfOrders = noClasses()
            .that().resideInAPackage("io.orderflow.payment..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderflow.order..", "io.orderflow.inventory..",
                    "io.orderflow.saga..", "io.orderflow.projections..", "io.orderflow.contracts.order..",
                    "io.orderflow.contracts.inventory..");

    @ArchTest
    static final ArchRule theAuthComponentDependsOnNoEdge = noClasses()
            .that().resideInAPackage("io.orderflow.auth..")
            .should().dependOnClassesThat().resideInAPackage("io.orderflow.edge..")
            .because("auth issues tokens and keeps accounts; what it shares with the edge (roles, error codes) "
                    + "lives in the platform and the contracts");

    /**
     * The embedded servers and the test libraries stay in the development module (embedded-infrastructure) and in
     * the launcher that runs it; production code neither names them nor could load them in an image
     * (docs/decisions/0018). The build's enforcer rule keeps the jars out; this keeps the code from reaching for them.
     */
    @ArchTest
    static final ArchRule productionCodeKnowsNoEmbeddedServerOrTestLibrary = noClasses()
            .that().resideOutsideOfPackages("io.orderflow.embedded..", "io.orderflow.app..", "io.orderflow.testsupport..")
            .should().dependOnClassesThat().resideInAnyPackage("io.zonky..", "kafka.server..",
                    "org.springframework.kafka.test..", "org.junit..", "io.orderflow.embedded..");

    /**
     * Infrastructure observes messages only as such (names, tokens, stored forms): the platform's upcasters and
     * first-revision check read stored events by type name, so no exception is needed for them. Its one handler,
     * the processor-backlog query, is an operations query, not a domain message.
     */
    @ArchTest
    static final ArchRule platformHandlesNoDomainMessage = noClasses()
            .that().resideInAPackage("io.orderflow.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderflow.contracts.order..",
                    "io.orderflow.contracts.inventory..", "io.orderflow.contracts.payment..",
                    "io.orderflow.contracts.integration..")
            .orShould(handleMessagesWith(EventHandler.class))
            .orShould(handleMessagesWith(SagaEventHandler.class))
            .orShould(handleMessagesWith(EventSourcingHandler.class))
            .orShould(handleMessagesWith(CommandHandler.class))
            .because("a domain event is handled beside what it is about (the order metrics beside the Order aggregate,"
                    + " the order process in payment-saga); platform upcasts stored events by type name, never by type");

    private static ArchCondition<JavaClass> handleMessagesWith(Class<? extends Annotation> handler) {
        return new ArchCondition<>("declare a method annotated with @" + handler.getSimpleName()) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getMethods().stream()
                        .filter(method -> method.isAnnotatedWith(handler))
                        .forEach(method -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " is annotated with @" + handler.getSimpleName())));
            }
        };
    }
}
